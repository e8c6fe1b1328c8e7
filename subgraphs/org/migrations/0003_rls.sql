-- Row-level security (issue 3): the application's statements run as the role "tiaokuai_org",
-- which owns nothing, cannot bypass RLS, and may write a row only inside a transaction that
-- declared the caller's scope with set_config(..., true) (access/rls.ts). Every table that
-- holds units, fact versions, links or the audit trail has FORCE ROW LEVEL SECURITY, so even
-- the owner is held by the policies (superusers are not: deploy with a non-superuser owner).
--
-- Per transaction, never per session:
--   hub.scope  'all' (the hub's operator) or 'units' (a body's jurisdiction)
--   hub.units  the jurisdiction's unit ids as an array literal '{1,2,3}' (scope 'units')
--   hub.role   VIEWER | EDITOR | ADMIN
-- A transaction that set nothing can read but write nothing.
--
-- Reads of units, facts and links stay open to the role: the leadership rules evaluate the
-- whole organisation (a unit's leaders are usually outside the caller's jurisdiction), so
-- what a caller is shown is filtered by the service layer. The audit trail is read through
-- the policies.
DO $$ BEGIN
	CREATE ROLE "tiaokuai_org" NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;--> statement-breakpoint
DO $$ BEGIN
	IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
		EXECUTE format('GRANT "tiaokuai_org" TO %I', current_user);
	END IF;
END $$;--> statement-breakpoint
GRANT USAGE ON SCHEMA "org" TO "tiaokuai_org";--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "org"."units", "org"."links" TO "tiaokuai_org";--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "org"."unit_facts" TO "tiaokuai_org";--> statement-breakpoint
GRANT SELECT, INSERT ON "org"."audit_log" TO "tiaokuai_org";--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "org"."revision" TO "tiaokuai_org";--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA "org" TO "tiaokuai_org";--> statement-breakpoint
CREATE FUNCTION "org"."hub_scope_all"() RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT coalesce(current_setting('hub.scope', true), '') = 'all'
$$;--> statement-breakpoint
CREATE FUNCTION "org"."hub_in_scope"("unit" integer) RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT CASE coalesce(current_setting('hub.scope', true), '')
		WHEN 'all' THEN true
		WHEN 'units' THEN coalesce("unit" = ANY (coalesce(nullif(current_setting('hub.units', true), ''), '{}')::integer[]), false)
		ELSE false
	END
$$;--> statement-breakpoint
CREATE FUNCTION "org"."hub_may"("least" text) RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT "org"."hub_scope_all"() OR (
		coalesce(current_setting('hub.scope', true), '') = 'units'
		AND coalesce(array_position(ARRAY['VIEWER', 'EDITOR', 'ADMIN'], current_setting('hub.role', true)), 0)
			>= array_position(ARRAY['VIEWER', 'EDITOR', 'ADMIN'], "least")
	)
$$;--> statement-breakpoint
-- A unit inserted by the current transaction (a new unit's first fact versions).
CREATE FUNCTION "org"."hub_created_here"("unit" integer) RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM "org"."units" u WHERE u."id" = "unit" AND u.xmin = pg_current_xact_id()::xid)
$$;--> statement-breakpoint
ALTER TABLE "org"."units" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "org"."units" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "units_read" ON "org"."units" FOR SELECT TO "tiaokuai_org" USING (true);--> statement-breakpoint
CREATE POLICY "units_insert" ON "org"."units" FOR INSERT TO "tiaokuai_org" WITH CHECK ("org"."hub_may"('EDITOR'));--> statement-breakpoint
CREATE POLICY "units_update" ON "org"."units" FOR UPDATE TO "tiaokuai_org"
	USING ("org"."hub_may"('EDITOR') AND ("org"."hub_in_scope"("id") OR "org"."hub_created_here"("id")))
	WITH CHECK ("org"."hub_may"('EDITOR') AND ("org"."hub_in_scope"("id") OR "org"."hub_created_here"("id")));--> statement-breakpoint
ALTER TABLE "org"."unit_facts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "org"."unit_facts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "unit_facts_read" ON "org"."unit_facts" FOR SELECT TO "tiaokuai_org" USING (true);--> statement-breakpoint
CREATE POLICY "unit_facts_insert" ON "org"."unit_facts" FOR INSERT TO "tiaokuai_org" WITH CHECK (
	"org"."hub_may"('EDITOR') AND (
		"org"."hub_in_scope"("unit_id")
		OR ("org"."hub_created_here"("unit_id") AND ("org"."hub_in_scope"("locality_id") OR "org"."hub_in_scope"("competent_department_id")))
	));--> statement-breakpoint
CREATE POLICY "unit_facts_update" ON "org"."unit_facts" FOR UPDATE TO "tiaokuai_org"
	USING ("org"."hub_may"('EDITOR') AND "org"."hub_in_scope"("unit_id"))
	WITH CHECK ("org"."hub_may"('EDITOR') AND "org"."hub_in_scope"("unit_id"));--> statement-breakpoint
CREATE POLICY "unit_facts_delete" ON "org"."unit_facts" FOR DELETE TO "tiaokuai_org"
	USING ("org"."hub_may"('EDITOR') AND "org"."hub_in_scope"("unit_id"));--> statement-breakpoint
ALTER TABLE "org"."links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "org"."links" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "links_read" ON "org"."links" FOR SELECT TO "tiaokuai_org" USING (true);--> statement-breakpoint
-- Links are managed by ADMINs with both ends in their jurisdiction; ending a unit (EDITOR)
-- ends the links that touch it, so an update needs one end inside.
CREATE POLICY "links_insert" ON "org"."links" FOR INSERT TO "tiaokuai_org" WITH CHECK (
	"org"."hub_may"('ADMIN') AND "org"."hub_in_scope"("from_id") AND "org"."hub_in_scope"("to_id"));--> statement-breakpoint
CREATE POLICY "links_update" ON "org"."links" FOR UPDATE TO "tiaokuai_org"
	USING ("org"."hub_may"('EDITOR') AND ("org"."hub_in_scope"("from_id") OR "org"."hub_in_scope"("to_id")))
	WITH CHECK ("org"."hub_may"('EDITOR') AND ("org"."hub_in_scope"("from_id") OR "org"."hub_in_scope"("to_id")));--> statement-breakpoint
ALTER TABLE "org"."audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "org"."audit_log" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- Records without a unit (a whole import) are the operator's to read.
CREATE POLICY "audit_log_read" ON "org"."audit_log" FOR SELECT TO "tiaokuai_org" USING ("org"."hub_in_scope"("unit_id"));--> statement-breakpoint
CREATE POLICY "audit_log_insert" ON "org"."audit_log" FOR INSERT TO "tiaokuai_org" WITH CHECK ("org"."hub_may"('VIEWER'));
