-- The audit trail (数据留痕): one row per mutation, written in the mutation's own transaction.
-- Append-only: UPDATE, DELETE and TRUNCATE are refused by triggers, whoever asks.
CREATE TABLE "org"."audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"at" timestamp with time zone NOT NULL DEFAULT now(),
	"subject" text NOT NULL,
	"body" text,
	"role" text NOT NULL,
	"hub_admin" boolean NOT NULL,
	"request_id" text,
	"operation" text NOT NULL,
	"unit_id" integer,
	"target" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);--> statement-breakpoint
CREATE INDEX "audit_log_unit_idx" ON "org"."audit_log" USING btree ("unit_id", "id");--> statement-breakpoint
CREATE FUNCTION "org"."audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'org.audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE OR DELETE ON "org"."audit_log" FOR EACH ROW EXECUTE FUNCTION "org"."audit_log_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "org"."audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "org"."audit_log_append_only"();
