CREATE SCHEMA IF NOT EXISTS "org";
--> statement-breakpoint
CREATE TYPE "org"."anomaly_code" AS ENUM('DUPLICATE_LEADER', 'MISSING_LEADER', 'RULE_MISMATCH', 'OUTDATED_LINK', 'UNDEFINED_RULE', 'CYCLE', 'MISSING_AFFILIATION', 'MULTIPLE_AFFILIATION');--> statement-breakpoint
CREATE TYPE "org"."leadership_flavour" AS ENUM('UNIFIED', 'SPECIFIC');--> statement-breakpoint
CREATE TYPE "org"."link_kind" AS ENUM('LEADERSHIP', 'GUIDANCE', 'AFFILIATION', 'BUSINESS');--> statement-breakpoint
CREATE TYPE "org"."management_mode" AS ENUM('VERTICAL', 'TERRITORIAL');--> statement-breakpoint
CREATE TYPE "org"."unit_kind" AS ENUM('LOCAL_PARTY_COMMITTEE', 'WORK_COMMITTEE', 'DEPARTMENT_PARTY_GROUP', 'ORGAN_PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GRASSROOTS_UNIT');--> statement-breakpoint
CREATE TYPE "org"."unit_level" AS ENUM('CENTRAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY');--> statement-breakpoint
CREATE TABLE "org"."links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "org"."links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"from_id" integer NOT NULL,
	"to_id" integer NOT NULL,
	"kind" "org"."link_kind" NOT NULL,
	"flavour" "org"."leadership_flavour",
	"valid_from" date NOT NULL,
	"valid_to" date,
	"basis" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "links_not_self" CHECK ("org"."links"."from_id" <> "org"."links"."to_id"),
	CONSTRAINT "links_interval" CHECK ("org"."links"."valid_to" is null or "org"."links"."valid_to" >= "org"."links"."valid_from"),
	CONSTRAINT "links_flavour_only_leadership" CHECK ("org"."links"."flavour" is null or "org"."links"."kind" = 'LEADERSHIP')
);
--> statement-breakpoint
CREATE TABLE "org"."unit_facts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "org"."unit_facts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"party_relation_mode" "org"."management_mode",
	"business_mode" "org"."management_mode",
	"competent_department_id" integer,
	"locality_id" integer,
	CONSTRAINT "unit_facts_interval" CHECK ("org"."unit_facts"."valid_to" is null or "org"."unit_facts"."valid_to" >= "org"."unit_facts"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "org"."units" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "org"."units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "org"."unit_kind" NOT NULL,
	"level" "org"."unit_level" NOT NULL,
	"region" varchar(6) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_interval" CHECK ("org"."units"."valid_to" is null or "org"."units"."valid_to" >= "org"."units"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "org"."links" ADD CONSTRAINT "links_from_id_units_id_fk" FOREIGN KEY ("from_id") REFERENCES "org"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org"."links" ADD CONSTRAINT "links_to_id_units_id_fk" FOREIGN KEY ("to_id") REFERENCES "org"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org"."unit_facts" ADD CONSTRAINT "unit_facts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "org"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org"."unit_facts" ADD CONSTRAINT "unit_facts_competent_department_id_units_id_fk" FOREIGN KEY ("competent_department_id") REFERENCES "org"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org"."unit_facts" ADD CONSTRAINT "unit_facts_locality_id_units_id_fk" FOREIGN KEY ("locality_id") REFERENCES "org"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "links_to_idx" ON "org"."links" USING btree ("to_id","kind");--> statement-breakpoint
CREATE INDEX "links_from_idx" ON "org"."links" USING btree ("from_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "links_identity_key" ON "org"."links" USING btree ("from_id","to_id","kind","valid_from");--> statement-breakpoint
CREATE INDEX "unit_facts_unit_idx" ON "org"."unit_facts" USING btree ("unit_id","valid_from");--> statement-breakpoint
CREATE INDEX "unit_facts_locality_idx" ON "org"."unit_facts" USING btree ("locality_id");--> statement-breakpoint
CREATE INDEX "unit_facts_dept_idx" ON "org"."unit_facts" USING btree ("competent_department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_code_key" ON "org"."units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "units_kind_idx" ON "org"."units" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "units_region_idx" ON "org"."units" USING btree ("region");