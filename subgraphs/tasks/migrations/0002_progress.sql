-- Issue 4, progress and reports: a task may name an indicator (指标) and a target value (目标值);
-- a unit reports status, progress and the indicator's value on its assignment, each report kept
-- in progress_reports (the assignment row holds the latest; nothing is overwritten unrecorded).
-- Required items can be retired (no longer required from a day on) instead of deleted.
ALTER TABLE "tasks"."tasks" ADD COLUMN "indicator" text;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "target" double precision;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD CONSTRAINT "tasks_target" CHECK ("target" IS NULL OR ("indicator" IS NOT NULL AND "target" >= 0));--> statement-breakpoint
ALTER TABLE "tasks"."assignments" ADD COLUMN "value" double precision;--> statement-breakpoint
ALTER TABLE "tasks"."assignments" ADD COLUMN "done_on" date;--> statement-breakpoint
ALTER TABLE "tasks"."assignments" ADD COLUMN "reported_on" date;--> statement-breakpoint
ALTER TABLE "tasks"."assignments" ADD CONSTRAINT "assignments_done_on" CHECK (("status" = 'DONE') = ("done_on" IS NOT NULL) OR "status" IN ('WITHDRAWN', 'MERGED'));--> statement-breakpoint
ALTER TABLE "tasks"."required_items" ADD COLUMN "retired_on" date;--> statement-breakpoint
CREATE TABLE "tasks"."progress_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"assignment_id" integer NOT NULL REFERENCES "tasks"."assignments"("id"),
	"version" integer NOT NULL,
	"status" "tasks"."assignment_status" NOT NULL,
	"progress" smallint NOT NULL,
	"value" double precision,
	"note" text,
	"on" date NOT NULL,
	"by_subject" text NOT NULL,
	"by_body" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text,
	CONSTRAINT "progress_reports_version" UNIQUE ("assignment_id", "version")
);--> statement-breakpoint
CREATE INDEX "progress_reports_assignment_idx" ON "tasks"."progress_reports" ("assignment_id");--> statement-breakpoint
CREATE TRIGGER "progress_reports_keep" BEFORE DELETE OR UPDATE ON "tasks"."progress_reports" FOR EACH ROW EXECUTE FUNCTION "tasks"."refuse_delete"();--> statement-breakpoint
GRANT SELECT, INSERT ON "tasks"."progress_reports" TO "tiaokuai_tasks";--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA "tasks" TO "tiaokuai_tasks";--> statement-breakpoint
ALTER TABLE "tasks"."progress_reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."progress_reports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "progress_reports_read" ON "tasks"."progress_reports" FOR SELECT TO "tiaokuai_tasks" USING (true);--> statement-breakpoint
-- Reported by the unit (or a committee whose jurisdiction holds it).
CREATE POLICY "progress_reports_insert" ON "tasks"."progress_reports" FOR INSERT TO "tiaokuai_tasks" WITH CHECK (
	"tasks"."hub_may"('EDITOR') AND EXISTS (SELECT 1 FROM "tasks"."assignments" a WHERE a."id" = "assignment_id" AND "tasks"."hub_in_scope"(a."unit_id")));
--> statement-breakpoint
-- The responsibility list is the whole hub's: only the operator changes it (an ADMIN of one body
-- could otherwise retire 三会一课 everywhere), and every change is kept with who made it.
DROP POLICY "required_items_insert" ON "tasks"."required_items";--> statement-breakpoint
DROP POLICY "required_items_update" ON "tasks"."required_items";--> statement-breakpoint
CREATE POLICY "required_items_insert" ON "tasks"."required_items" FOR INSERT TO "tiaokuai_tasks" WITH CHECK (coalesce(current_setting('hub.scope', true), '') = 'all');--> statement-breakpoint
CREATE POLICY "required_items_update" ON "tasks"."required_items" FOR UPDATE TO "tiaokuai_tasks"
	USING (coalesce(current_setting('hub.scope', true), '') = 'all') WITH CHECK (coalesce(current_setting('hub.scope', true), '') = 'all');--> statement-breakpoint
CREATE TABLE "tasks"."required_item_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"code" text NOT NULL REFERENCES "tasks"."required_items"("code"),
	"operation" text NOT NULL,
	"item" jsonb NOT NULL,
	"by_subject" text NOT NULL,
	"by_body" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text
);--> statement-breakpoint
CREATE INDEX "required_item_changes_code_idx" ON "tasks"."required_item_changes" ("code");--> statement-breakpoint
CREATE TRIGGER "required_item_changes_keep" BEFORE DELETE OR UPDATE ON "tasks"."required_item_changes" FOR EACH ROW EXECUTE FUNCTION "tasks"."refuse_delete"();--> statement-breakpoint
GRANT SELECT, INSERT ON "tasks"."required_item_changes" TO "tiaokuai_tasks";--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA "tasks" TO "tiaokuai_tasks";--> statement-breakpoint
ALTER TABLE "tasks"."required_item_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."required_item_changes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "required_item_changes_read" ON "tasks"."required_item_changes" FOR SELECT TO "tiaokuai_tasks" USING (true);--> statement-breakpoint
CREATE POLICY "required_item_changes_insert" ON "tasks"."required_item_changes" FOR INSERT TO "tiaokuai_tasks" WITH CHECK (coalesce(current_setting('hub.scope', true), '') = 'all');
