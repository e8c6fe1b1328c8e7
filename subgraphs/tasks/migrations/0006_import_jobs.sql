-- Issue 20 item 9: an import of any size is a job (modules/import-job). The file comes in chunks
-- (each under the gateway's body limit) kept here until the job finishes; a chunk sent twice is
-- taken once (primary key job, seq). The job row holds its state and progress, so `importJob(id)`
-- (and a later subscription) reads them from here. No row-level policy: only the job's creator and
-- the operator reach a job, checked by the service on every call.
CREATE TABLE "tasks"."import_jobs" (
	"id" uuid PRIMARY KEY,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"dry_run" boolean NOT NULL DEFAULT false,
	"creator" jsonb NOT NULL,
	"creator_subject" text NOT NULL,
	"total" integer NOT NULL,
	"received" integer NOT NULL DEFAULT 0,
	"received_bytes" bigint NOT NULL DEFAULT 0,
	"records" integer,
	"processed" integer NOT NULL DEFAULT 0,
	"problems" jsonb NOT NULL DEFAULT '[]'::jsonb,
	"report" jsonb,
	"runner" text,
	"started_at" timestamp with time zone NOT NULL DEFAULT now(),
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_jobs_state" CHECK ("state" IN ('RECEIVING', 'CHECKING', 'COMMITTING', 'DONE', 'FAILED')),
	CONSTRAINT "import_jobs_counts" CHECK ("total" >= 1 AND "received" >= 0 AND "received" <= "total")
);--> statement-breakpoint
CREATE INDEX "import_jobs_creator_idx" ON "tasks"."import_jobs" ("creator_subject");--> statement-breakpoint
CREATE TABLE "tasks"."import_chunks" (
	"job_id" uuid NOT NULL REFERENCES "tasks"."import_jobs"("id") ON DELETE CASCADE,
	"seq" integer NOT NULL,
	"text" text NOT NULL,
	PRIMARY KEY ("job_id", "seq")
);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "tasks"."import_jobs", "tasks"."import_chunks" TO "tiaokuai_tasks";
