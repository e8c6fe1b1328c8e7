-- Row-level security, as in org (org migration 0003): the tasks subgraph's statements run as
-- "tiaokuai_tasks", which owns nothing and cannot bypass RLS; a write transaction first declares
-- the caller's rights with transaction-local settings (src/access/rls.ts):
--   hub.scope  'all' (the hub's operator) or 'units' (a body's jurisdiction, from org)
--   hub.units  the jurisdiction's org unit ids, '{1,2,3}'
--   hub.role   VIEWER | EDITOR | ADMIN
-- Reads stay open to the role (authority and findings need every issuer's tasks); what a
-- caller is shown is filtered by the service layer.
DO $$ BEGIN
	CREATE ROLE "tiaokuai_tasks" NOLOGIN NOSUPERUSER NOINHERIT NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;--> statement-breakpoint
DO $$ BEGIN
	IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
		EXECUTE format('GRANT "tiaokuai_tasks" TO %I', current_user);
	END IF;
END $$;--> statement-breakpoint
GRANT USAGE ON SCHEMA "tasks" TO "tiaokuai_tasks";--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "tasks"."required_items", "tasks"."tasks", "tasks"."assignments" TO "tiaokuai_tasks";--> statement-breakpoint
GRANT SELECT, INSERT ON "tasks"."settlements" TO "tiaokuai_tasks";--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA "tasks" TO "tiaokuai_tasks";--> statement-breakpoint
CREATE FUNCTION "tasks"."hub_in_scope"("unit" integer) RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT CASE coalesce(current_setting('hub.scope', true), '')
		WHEN 'all' THEN true
		WHEN 'units' THEN coalesce("unit" = ANY (coalesce(nullif(current_setting('hub.units', true), ''), '{}')::integer[]), false)
		ELSE false
	END
$$;--> statement-breakpoint
CREATE FUNCTION "tasks"."hub_may"("least" text) RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT coalesce(current_setting('hub.scope', true), '') = 'all' OR (
		coalesce(current_setting('hub.scope', true), '') = 'units'
		AND coalesce(array_position(ARRAY['VIEWER', 'EDITOR', 'ADMIN'], current_setting('hub.role', true)), 0)
			>= array_position(ARRAY['VIEWER', 'EDITOR', 'ADMIN'], "least")
	)
$$;--> statement-breakpoint
CREATE FUNCTION "tasks"."hub_issued_here"("task" integer) RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM "tasks"."tasks" t WHERE t."id" = "task" AND "tasks"."hub_in_scope"(t."issuer_id"))
$$;--> statement-breakpoint
ALTER TABLE "tasks"."required_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."required_items" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "required_items_read" ON "tasks"."required_items" FOR SELECT TO "tiaokuai_tasks" USING (true);--> statement-breakpoint
CREATE POLICY "required_items_insert" ON "tasks"."required_items" FOR INSERT TO "tiaokuai_tasks" WITH CHECK ("tasks"."hub_may"('ADMIN'));--> statement-breakpoint
CREATE POLICY "required_items_update" ON "tasks"."required_items" FOR UPDATE TO "tiaokuai_tasks" USING ("tasks"."hub_may"('ADMIN')) WITH CHECK ("tasks"."hub_may"('ADMIN'));--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "tasks_read" ON "tasks"."tasks" FOR SELECT TO "tiaokuai_tasks" USING (true);--> statement-breakpoint
CREATE POLICY "tasks_insert" ON "tasks"."tasks" FOR INSERT TO "tiaokuai_tasks" WITH CHECK ("tasks"."hub_may"('EDITOR') AND "tasks"."hub_in_scope"("issuer_id"));--> statement-breakpoint
CREATE POLICY "tasks_update" ON "tasks"."tasks" FOR UPDATE TO "tiaokuai_tasks" USING ("tasks"."hub_may"('EDITOR') AND "tasks"."hub_in_scope"("issuer_id")) WITH CHECK ("tasks"."hub_may"('EDITOR') AND "tasks"."hub_in_scope"("issuer_id"));--> statement-breakpoint
ALTER TABLE "tasks"."assignments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."assignments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "assignments_read" ON "tasks"."assignments" FOR SELECT TO "tiaokuai_tasks" USING (true);--> statement-breakpoint
-- Issued by a body in the caller's jurisdiction; reported on by the unit (or its committees).
CREATE POLICY "assignments_insert" ON "tasks"."assignments" FOR INSERT TO "tiaokuai_tasks" WITH CHECK ("tasks"."hub_may"('EDITOR') AND "tasks"."hub_issued_here"("task_id"));--> statement-breakpoint
CREATE POLICY "assignments_update" ON "tasks"."assignments" FOR UPDATE TO "tiaokuai_tasks"
	USING ("tasks"."hub_may"('EDITOR') AND ("tasks"."hub_in_scope"("unit_id") OR "tasks"."hub_issued_here"("task_id")))
	WITH CHECK ("tasks"."hub_may"('EDITOR') AND ("tasks"."hub_in_scope"("unit_id") OR "tasks"."hub_issued_here"("task_id")));--> statement-breakpoint
ALTER TABLE "tasks"."settlements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks"."settlements" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "settlements_read" ON "tasks"."settlements" FOR SELECT TO "tiaokuai_tasks" USING (true);--> statement-breakpoint
CREATE POLICY "settlements_insert" ON "tasks"."settlements" FOR INSERT TO "tiaokuai_tasks" WITH CHECK ("tasks"."hub_may"('EDITOR'));
