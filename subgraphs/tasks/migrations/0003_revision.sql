-- A revision number of the tasks and their assignments, as org's (org migration 0001): every
-- statement that changes tasks or assignments (issuing, progress, settling) bumps it in the
-- same transaction, so a reader that sees the new number also sees the new rows. A scope scan's
-- read of a province's assignments is kept per process under it (findings.service.ts).
--
-- The bump runs BEFORE each statement, so a writer takes the counter's row lock before any
-- task or assignment row: writers queue on the counter in one order and cannot deadlock on it.
-- Write transactions of the tasks subgraph therefore commit one after another.
CREATE TABLE "tasks"."revision" (
	"id" integer PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
	"n" bigint NOT NULL DEFAULT 0
);--> statement-breakpoint
INSERT INTO "tasks"."revision" ("id", "n") VALUES (1, 0);--> statement-breakpoint
CREATE FUNCTION "tasks"."bump_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "tasks"."revision" SET "n" = "n" + 1 WHERE "id" = 1;
	RETURN NULL;
END
$$;--> statement-breakpoint
GRANT SELECT, UPDATE ON "tasks"."revision" TO "tiaokuai_tasks";--> statement-breakpoint
CREATE TRIGGER "tasks_revision" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "tasks"."tasks" FOR EACH STATEMENT EXECUTE FUNCTION "tasks"."bump_revision"();--> statement-breakpoint
CREATE TRIGGER "assignments_revision" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "tasks"."assignments" FOR EACH STATEMENT EXECUTE FUNCTION "tasks"."bump_revision"();
