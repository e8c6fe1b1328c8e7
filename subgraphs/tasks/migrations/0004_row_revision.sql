-- Which revision (migration 0003) last wrote each task and assignment, so a reader holding the
-- rows as of revision R reads only what changed since (rows with revision > R) instead of them
-- all: a scope scan keeps a year's active assignments in memory and brings them up to date
-- this way (findings.service.ts, ScanCache).
--
-- Inserts take the revision as their column default and updates by a row trigger. Both run
-- after the statement's bump (statement triggers fire before any row is formed) and read the
-- counter through a VOLATILE function: a STABLE one would read the statement's snapshot, taken
-- before the bump, and stamp the previous revision. Writers hold the counter's row lock until
-- they commit (0003), so rows stamped R are all visible once R is.
--
-- Rows that go away leave no stamp behind: TRUNCATE (tests and maintenance; DELETE is refused
-- row by row since 0000, counted here all the same) bumps `epoch`, and a reader whose epoch is
-- not current reads everything again.
CREATE FUNCTION "tasks"."current_revision"() RETURNS bigint LANGUAGE sql VOLATILE AS $$
	SELECT "n" FROM "tasks"."revision" WHERE "id" = 1
$$;--> statement-breakpoint
ALTER TABLE "tasks"."revision" ADD COLUMN "epoch" bigint NOT NULL DEFAULT 0;--> statement-breakpoint
ALTER TABLE "tasks"."tasks" ADD COLUMN "revision" bigint NOT NULL DEFAULT "tasks"."current_revision"();--> statement-breakpoint
ALTER TABLE "tasks"."assignments" ADD COLUMN "revision" bigint NOT NULL DEFAULT "tasks"."current_revision"();--> statement-breakpoint
CREATE INDEX "tasks_revision_idx" ON "tasks"."tasks" ("revision");--> statement-breakpoint
CREATE INDEX "assignments_revision_idx" ON "tasks"."assignments" ("revision");--> statement-breakpoint
CREATE FUNCTION "tasks"."stamp_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW."revision" := "tasks"."current_revision"();
	RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "tasks_stamp" BEFORE UPDATE ON "tasks"."tasks" FOR EACH ROW EXECUTE FUNCTION "tasks"."stamp_revision"();--> statement-breakpoint
CREATE TRIGGER "assignments_stamp" BEFORE UPDATE ON "tasks"."assignments" FOR EACH ROW EXECUTE FUNCTION "tasks"."stamp_revision"();--> statement-breakpoint
CREATE FUNCTION "tasks"."bump_epoch"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "tasks"."revision" SET "epoch" = "epoch" + 1 WHERE "id" = 1;
	RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "tasks_epoch" BEFORE DELETE OR TRUNCATE ON "tasks"."tasks" FOR EACH STATEMENT EXECUTE FUNCTION "tasks"."bump_epoch"();--> statement-breakpoint
CREATE TRIGGER "assignments_epoch" BEFORE DELETE OR TRUNCATE ON "tasks"."assignments" FOR EACH STATEMENT EXECUTE FUNCTION "tasks"."bump_epoch"();
