CREATE SCHEMA IF NOT EXISTS "assessments";
--> statement-breakpoint
CREATE TYPE "assessments"."submission_role" AS ENUM('GRADING', 'OPINION');--> statement-breakpoint
CREATE TABLE "assessments"."schemes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"issuer_id" integer NOT NULL,
	"key" text,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "schemes_issuer_key" ON "assessments"."schemes" ("issuer_id", "key") WHERE "key" IS NOT NULL;--> statement-breakpoint
CREATE TABLE "assessments"."joint_inspections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"unit_id" integer NOT NULL,
	"lead_id" integer NOT NULL,
	"bodies" integer[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"indicators" jsonb NOT NULL,
	"note" text,
	"accepted_by" text NOT NULL,
	"accepted_for" text,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_inspections_window" CHECK ("ends_on" >= "starts_on")
);--> statement-breakpoint
CREATE TABLE "assessments"."inspections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"inspector_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"key" text,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"scheme_id" integer REFERENCES "assessments"."schemes"("id"),
	"indicators" jsonb NOT NULL,
	"joint_id" integer REFERENCES "assessments"."joint_inspections"("id"),
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_window" CHECK ("ends_on" >= "starts_on")
);--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_key" ON "assessments"."inspections" ("inspector_id", "key", "unit_id") WHERE "key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "inspections_unit" ON "assessments"."inspections" ("unit_id", "starts_on");--> statement-breakpoint
CREATE TABLE "assessments"."submissions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"scheme_id" integer NOT NULL REFERENCES "assessments"."schemes"("id"),
	"unit_id" integer NOT NULL,
	"assessor_id" integer NOT NULL,
	"role" "assessments"."submission_role" NOT NULL,
	"assessed_on" date NOT NULL,
	"input" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"party_score" double precision NOT NULL,
	"business_score" double precision NOT NULL,
	"final_score" double precision,
	"grade" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_by" text NOT NULL,
	"submitted_for" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_one_per_assessor" ON "assessments"."submissions" ("scheme_id", "unit_id", "assessor_id");--> statement-breakpoint
CREATE INDEX "submissions_unit" ON "assessments"."submissions" ("unit_id", "assessed_on");--> statement-breakpoint
CREATE TABLE "assessments"."submission_revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
	"submission_id" integer NOT NULL REFERENCES "assessments"."submissions"("id"),
	"version" integer NOT NULL,
	"role" "assessments"."submission_role" NOT NULL,
	"assessed_on" date NOT NULL,
	"input" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"note" text,
	"by_subject" text NOT NULL,
	"by_body" text,
	"request_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX "submission_revisions_version" ON "assessments"."submission_revisions" ("submission_id", "version");
