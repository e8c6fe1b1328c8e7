-- Issue 18: responsibility lists have owners. An item belongs to a body (owner_id: an org unit id,
-- a work committee, party group or organ party committee) or, with no owner, to the whole hub
-- (duties the regulation itself sets, kept by the operator). An item is known by (owner, code):
-- two committees may both call an item SHYK. Items get a surrogate id; tasks and the change
-- record name the item by it. Existing items become hub-wide (owner_id NULL), their meaning today.
ALTER TABLE "tasks"."required_items" ADD COLUMN "id" integer GENERATED ALWAYS AS IDENTITY;--> statement-breakpoint
ALTER TABLE "tasks"."required_items" ADD COLUMN "owner_id" integer;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "required_item_id" integer;--> statement-breakpoint
UPDATE "tasks"."tasks" t SET "required_item_id" = i."id" FROM "tasks"."required_items" i WHERE i."code" = t."required_item";--> statement-breakpoint
ALTER TABLE "tasks"."required_item_changes" ADD COLUMN "item_id" integer;--> statement-breakpoint
-- The change record is never updated (0002); this one backfill is the exception.
ALTER TABLE "tasks"."required_item_changes" DISABLE TRIGGER "required_item_changes_keep";--> statement-breakpoint
UPDATE "tasks"."required_item_changes" c SET "item_id" = i."id" FROM "tasks"."required_items" i WHERE i."code" = c."code";--> statement-breakpoint
ALTER TABLE "tasks"."required_item_changes" ENABLE TRIGGER "required_item_changes_keep";--> statement-breakpoint
ALTER TABLE "tasks"."tasks" DROP CONSTRAINT "tasks_required_item_fkey";--> statement-breakpoint
ALTER TABLE "tasks"."required_item_changes" DROP CONSTRAINT "required_item_changes_code_fkey";--> statement-breakpoint
ALTER TABLE "tasks"."tasks" DROP COLUMN "required_item";--> statement-breakpoint
ALTER TABLE "tasks"."required_items" DROP CONSTRAINT "required_items_pkey";--> statement-breakpoint
ALTER TABLE "tasks"."required_items" ADD PRIMARY KEY ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "required_items_owner_code" ON "tasks"."required_items" (coalesce("owner_id", 0), "code");--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD CONSTRAINT "tasks_required_item_id_fkey" FOREIGN KEY ("required_item_id") REFERENCES "tasks"."required_items"("id");--> statement-breakpoint
ALTER TABLE "tasks"."required_item_changes" ALTER COLUMN "item_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks"."required_item_changes" ADD CONSTRAINT "required_item_changes_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "tasks"."required_items"("id");--> statement-breakpoint
CREATE INDEX "required_item_changes_item_idx" ON "tasks"."required_item_changes" ("item_id");--> statement-breakpoint
-- Who may write an item: the operator for hub-wide ones; for an owner's, an EDITOR or ADMIN whose
-- jurisdiction (as org answers it, declared per transaction: 0001) holds the owner.
CREATE FUNCTION "tasks"."hub_may_list"("owner" integer) RETURNS boolean LANGUAGE sql STABLE AS $$
	SELECT CASE WHEN "owner" IS NULL THEN coalesce(current_setting('hub.scope', true), '') = 'all'
		ELSE "tasks"."hub_may"('EDITOR') AND "tasks"."hub_in_scope"("owner") END
$$;--> statement-breakpoint
DROP POLICY "required_items_insert" ON "tasks"."required_items";--> statement-breakpoint
DROP POLICY "required_items_update" ON "tasks"."required_items";--> statement-breakpoint
CREATE POLICY "required_items_insert" ON "tasks"."required_items" FOR INSERT TO "tiaokuai_tasks" WITH CHECK ("tasks"."hub_may_list"("owner_id"));--> statement-breakpoint
CREATE POLICY "required_items_update" ON "tasks"."required_items" FOR UPDATE TO "tiaokuai_tasks"
	USING ("tasks"."hub_may_list"("owner_id")) WITH CHECK ("tasks"."hub_may_list"("owner_id"));--> statement-breakpoint
DROP POLICY "required_item_changes_insert" ON "tasks"."required_item_changes";--> statement-breakpoint
CREATE POLICY "required_item_changes_insert" ON "tasks"."required_item_changes" FOR INSERT TO "tiaokuai_tasks" WITH CHECK (
	EXISTS (SELECT 1 FROM "tasks"."required_items" i WHERE i."id" = "item_id" AND "tasks"."hub_may_list"(i."owner_id")));
