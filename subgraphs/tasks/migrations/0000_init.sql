CREATE SCHEMA IF NOT EXISTS "tasks";
--> statement-breakpoint
CREATE TYPE "tasks"."task_category" AS ENUM('POLITICAL', 'IDEOLOGICAL', 'ORGANIZATIONAL', 'CONDUCT', 'DISCIPLINE', 'INSTITUTIONAL', 'INTEGRITY', 'IDEOLOGY_WORK', 'OTHER');--> statement-breakpoint
CREATE TYPE "tasks"."task_priority" AS ENUM('KEY', 'ROUTINE');--> statement-breakpoint
CREATE TYPE "tasks"."frequency" AS ENUM('YEARLY', 'QUARTERLY', 'MONTHLY');--> statement-breakpoint
CREATE TYPE "tasks"."assignment_status" AS ENUM('ASSIGNED', 'IN_PROGRESS', 'DONE', 'WITHDRAWN', 'MERGED');--> statement-breakpoint
CREATE TYPE "tasks"."settlement_kind" AS ENUM('MERGE', 'WITHDRAW');--> statement-breakpoint
CREATE TABLE "tasks"."required_items" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kinds" text[] NOT NULL,
	"frequency" "tasks"."frequency" NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE TABLE "tasks"."tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"issuer_id" integer NOT NULL,
	"key" text,
	"title" text NOT NULL,
	"description" text,
	"category" "tasks"."task_category" NOT NULL,
	"priority" "tasks"."task_priority" NOT NULL,
	"starts_on" date NOT NULL,
	"due_on" date NOT NULL,
	"deliverable" text,
	"required_item" text REFERENCES "tasks"."required_items"("code"),
	"binding" boolean NOT NULL,
	"scope" jsonb,
	"incompatible_with" integer[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"request_id" text,
	CONSTRAINT "tasks_period" CHECK ("due_on" >= "starts_on")
);--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_issuer_key" ON "tasks"."tasks" ("issuer_id", "key");--> statement-breakpoint
CREATE INDEX "tasks_period_idx" ON "tasks"."tasks" ("starts_on", "due_on");--> statement-breakpoint
CREATE TABLE "tasks"."assignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"task_id" integer NOT NULL REFERENCES "tasks"."tasks"("id"),
	"unit_id" integer NOT NULL,
	"status" "tasks"."assignment_status" DEFAULT 'ASSIGNED' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"merged_into" integer REFERENCES "tasks"."assignments"("id"),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "assignments_progress" CHECK ("progress" BETWEEN 0 AND 100)
);--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_task_unit" ON "tasks"."assignments" ("task_id", "unit_id");--> statement-breakpoint
CREATE INDEX "assignments_unit_idx" ON "tasks"."assignments" ("unit_id");--> statement-breakpoint
CREATE TABLE "tasks"."settlements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"kind" "tasks"."settlement_kind" NOT NULL,
	"assignment_id" integer NOT NULL REFERENCES "tasks"."assignments"("id"),
	"kept_id" integer REFERENCES "tasks"."assignments"("id"),
	"note" text,
	"by_subject" text NOT NULL,
	"by_body" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text
);--> statement-breakpoint
CREATE INDEX "settlements_assignment_idx" ON "tasks"."settlements" ("assignment_id");--> statement-breakpoint
-- The records are kept: nothing is ever deleted from tasks, assignments or settlements.
CREATE FUNCTION "tasks"."refuse_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'tasks.%: rows are kept, never deleted', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;--> statement-breakpoint
CREATE TRIGGER "tasks_keep" BEFORE DELETE ON "tasks"."tasks" FOR EACH ROW EXECUTE FUNCTION "tasks"."refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "assignments_keep" BEFORE DELETE ON "tasks"."assignments" FOR EACH ROW EXECUTE FUNCTION "tasks"."refuse_delete"();--> statement-breakpoint
CREATE TRIGGER "settlements_keep" BEFORE DELETE OR UPDATE ON "tasks"."settlements" FOR EACH ROW EXECUTE FUNCTION "tasks"."refuse_delete"();
