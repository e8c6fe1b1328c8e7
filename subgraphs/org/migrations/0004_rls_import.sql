-- An ADMIN's import may create several units that hang off one another (a new department and
-- its new organ party committee) and link them: a reference to a unit created by the same
-- transaction counts as inside the jurisdiction, as the unit itself will be once committed.
ALTER POLICY "unit_facts_insert" ON "org"."unit_facts" WITH CHECK (
	"org"."hub_may"('EDITOR') AND (
		"org"."hub_in_scope"("unit_id")
		OR ("org"."hub_created_here"("unit_id") AND (
			"org"."hub_in_scope"("locality_id") OR "org"."hub_in_scope"("competent_department_id")
			OR "org"."hub_created_here"("locality_id") OR "org"."hub_created_here"("competent_department_id")))
	));--> statement-breakpoint
ALTER POLICY "links_insert" ON "org"."links" WITH CHECK (
	"org"."hub_may"('ADMIN')
	AND ("org"."hub_in_scope"("from_id") OR "org"."hub_created_here"("from_id"))
	AND ("org"."hub_in_scope"("to_id") OR "org"."hub_created_here"("to_id")));
