-- Row-level security, as in org (org migration 0003) and tasks (tasks migration 0001): the assessments subgraph's statements run as
-- "tiaokuai_assessments", which owns nothing and cannot bypass RLS; a write transaction first declares
-- the caller's rights with transaction-local settings (common's scopedTransaction):
--   hub.scope  'all' (the hub's operator) or 'units' (a body's jurisdiction, from org)
--   hub.units  the jurisdiction's org unit ids, '{1,2,3}'
--   hub.role   VIEWER | EDITOR | ADMIN
-- Reads stay open to the role (findings need every assessor's submissions); what a caller is
-- shown is filtered by the service layer.
DO $$ BEGIN
	CREATE ROLE "tiaokuai_assessments" NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;--> statement-breakpoint
DO $$ BEGIN
	IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
		EXECUTE format('GRANT "tiaokuai_assessments" TO %I', current_user);
	END IF;
END $$;--> statement-breakpoint
GRANT USAGE ON SCHEMA "assessments" TO "tiaokuai_assessments";--> statement-breakpoint
GRANT SELECT, INSERT ON "assessments"."schemes", "assessments"."joint_inspections", "assessments"."submission_revisions" TO "tiaokuai_assessments";--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "assessments"."inspections", "assessments"."submissions" TO "tiaokuai_assessments";--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA "assessments" TO "tiaokuai_assessments";--> statement-breakpoint
CREATE FUNCTION "assessments"."hub_in_scope"("unit" integer) RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT CASE coalesce(current_setting('hub.scope', true), '')
		WHEN 'all' THEN true
		WHEN 'units' THEN coalesce("unit" = ANY (coalesce(nullif(current_setting('hub.units', true), ''), '{}')::integer[]), false)
		ELSE false
	END
$$;--> statement-breakpoint
CREATE FUNCTION "assessments"."hub_may"("least" text) RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT coalesce(current_setting('hub.scope', true), '') = 'all' OR (
		coalesce(current_setting('hub.scope', true), '') = 'units'
		AND coalesce(array_position(ARRAY['VIEWER', 'EDITOR', 'ADMIN'], current_setting('hub.role', true)), 0)
			>= array_position(ARRAY['VIEWER', 'EDITOR', 'ADMIN'], "least")
	)
$$;--> statement-breakpoint
-- A scheme is defined by a body in the caller's jurisdiction.
ALTER TABLE "assessments"."schemes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "assessments"."schemes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "schemes_read" ON "assessments"."schemes" FOR SELECT TO "tiaokuai_assessments" USING (true);--> statement-breakpoint
CREATE POLICY "schemes_insert" ON "assessments"."schemes" FOR INSERT TO "tiaokuai_assessments" WITH CHECK ("assessments"."hub_may"('EDITOR') AND "assessments"."hub_in_scope"("issuer_id"));--> statement-breakpoint
-- Inspections are announced by the inspecting body; joined to a joint inspection by the unit's side or the inspector's.
ALTER TABLE "assessments"."inspections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "assessments"."inspections" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "inspections_read" ON "assessments"."inspections" FOR SELECT TO "tiaokuai_assessments" USING (true);--> statement-breakpoint
CREATE POLICY "inspections_insert" ON "assessments"."inspections" FOR INSERT TO "tiaokuai_assessments" WITH CHECK ("assessments"."hub_may"('EDITOR') AND "assessments"."hub_in_scope"("inspector_id"));--> statement-breakpoint
CREATE POLICY "inspections_update" ON "assessments"."inspections" FOR UPDATE TO "tiaokuai_assessments" USING ("assessments"."hub_may"('EDITOR') AND ("assessments"."hub_in_scope"("unit_id") OR "assessments"."hub_in_scope"("inspector_id"))) WITH CHECK ("assessments"."hub_may"('EDITOR') AND ("assessments"."hub_in_scope"("unit_id") OR "assessments"."hub_in_scope"("inspector_id")));--> statement-breakpoint
ALTER TABLE "assessments"."joint_inspections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "assessments"."joint_inspections" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "joint_inspections_read" ON "assessments"."joint_inspections" FOR SELECT TO "tiaokuai_assessments" USING (true);--> statement-breakpoint
CREATE POLICY "joint_inspections_insert" ON "assessments"."joint_inspections" FOR INSERT TO "tiaokuai_assessments" WITH CHECK ("assessments"."hub_may"('EDITOR') AND ("assessments"."hub_in_scope"("unit_id") OR "assessments"."hub_in_scope"("lead_id")));--> statement-breakpoint
-- A submission is made and corrected by the assessing body.
ALTER TABLE "assessments"."submissions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "assessments"."submissions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "submissions_read" ON "assessments"."submissions" FOR SELECT TO "tiaokuai_assessments" USING (true);--> statement-breakpoint
CREATE POLICY "submissions_insert" ON "assessments"."submissions" FOR INSERT TO "tiaokuai_assessments" WITH CHECK ("assessments"."hub_may"('EDITOR') AND "assessments"."hub_in_scope"("assessor_id"));--> statement-breakpoint
CREATE POLICY "submissions_update" ON "assessments"."submissions" FOR UPDATE TO "tiaokuai_assessments" USING ("assessments"."hub_may"('EDITOR') AND "assessments"."hub_in_scope"("assessor_id")) WITH CHECK ("assessments"."hub_may"('EDITOR') AND "assessments"."hub_in_scope"("assessor_id"));--> statement-breakpoint
ALTER TABLE "assessments"."submission_revisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "assessments"."submission_revisions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "submission_revisions_read" ON "assessments"."submission_revisions" FOR SELECT TO "tiaokuai_assessments" USING (true);--> statement-breakpoint
CREATE POLICY "submission_revisions_insert" ON "assessments"."submission_revisions" FOR INSERT TO "tiaokuai_assessments" WITH CHECK ("assessments"."hub_may"('EDITOR'));
