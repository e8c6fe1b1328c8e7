-- A revision number of the organisation: every statement that changes units, fact versions or
-- links bumps it in the same transaction, so a reader that sees the new number also sees the
-- new rows. Caches of derived answers (jurisdictions) are keyed by it.
CREATE TABLE "org"."revision" (
	"id" integer PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
	"n" bigint NOT NULL DEFAULT 0
);--> statement-breakpoint
INSERT INTO "org"."revision" ("id", "n") VALUES (1, 0);--> statement-breakpoint
CREATE FUNCTION "org"."bump_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "org"."revision" ("id", "n") VALUES (1, 1)
	ON CONFLICT ("id") DO UPDATE SET "n" = "org"."revision"."n" + 1;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "units_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "org"."units" FOR EACH STATEMENT EXECUTE FUNCTION "org"."bump_revision"();--> statement-breakpoint
CREATE TRIGGER "unit_facts_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "org"."unit_facts" FOR EACH STATEMENT EXECUTE FUNCTION "org"."bump_revision"();--> statement-breakpoint
CREATE TRIGGER "links_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "org"."links" FOR EACH STATEMENT EXECUTE FUNCTION "org"."bump_revision"();
