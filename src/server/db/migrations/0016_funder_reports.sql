-- Funder reports (issue 14): the ESF Plus entry and exit fields of a case, the counsellor team of a user,
-- reports saved to run again, and indexes for the periods the reports count by.
CREATE TABLE "saved_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"report" text NOT NULL,
	"version" integer NOT NULL,
	"params" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "team" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "employment_status_at_entry" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "exit_recorded_on" date;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "exit_labour" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "exit_in_education" boolean;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "exit_qualification_gained" boolean;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "follow_up_recorded_on" date;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "follow_up_employment" text;--> statement-breakpoint
ALTER TABLE "saved_reports" ADD CONSTRAINT "saved_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_reports" ADD CONSTRAINT "saved_reports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_reports_user_idx" ON "saved_reports" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "procedures_org_decided_idx" ON "recognition_procedures" USING btree ("organisation_id","decided_on");--> statement-breakpoint
CREATE INDEX "clients_org_closed_idx" ON "clients" USING btree ("organisation_id","closed_at");--> statement-breakpoint
CREATE INDEX "client_measures_org_start_idx" ON "client_measures" USING btree ("organisation_id","start_date");