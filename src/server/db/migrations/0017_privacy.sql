CREATE TABLE "data_subject_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid,
	"kind" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"outcome" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deletion_proofs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"reason" text NOT NULL,
	"classes" text[] NOT NULL,
	"rule" jsonb NOT NULL,
	"counts" jsonb NOT NULL,
	"announced_at" timestamp with time zone,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_by" uuid,
	"request_id" uuid
);
--> statement-breakpoint
CREATE TABLE "privacy_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"framework" text DEFAULT 'gdpr' NOT NULL,
	"esf_last_payment_on" date,
	"notice_days" integer DEFAULT 14 NOT NULL,
	"controller" text,
	"dpo_contact" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"retention_ended_on" date NOT NULL,
	"rule" jsonb NOT NULL,
	"announced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delete_after" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'announced' NOT NULL,
	"files" text[] DEFAULT '{}' NOT NULL,
	"proof_id" uuid,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "retention_rules" (
	"organisation_id" uuid NOT NULL,
	"class" text NOT NULL,
	"months" integer NOT NULL,
	"start_event" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "retention_rules_organisation_id_class_pk" PRIMARY KEY("organisation_id","class")
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "legal_hold_reason" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "legal_hold_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "legal_hold_by" uuid;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "restricted_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "restricted_by" uuid;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_settings" ADD CONSTRAINT "privacy_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_notices" ADD CONSTRAINT "retention_notices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_notices" ADD CONSTRAINT "retention_notices_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dsr_org_status_idx" ON "data_subject_requests" USING btree ("organisation_id","status","due_on");--> statement-breakpoint
CREATE INDEX "dsr_client_idx" ON "data_subject_requests" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "deletion_proofs_org_idx" ON "deletion_proofs" USING btree ("organisation_id","deleted_at");--> statement-breakpoint
CREATE INDEX "retention_notices_org_state_idx" ON "retention_notices" USING btree ("organisation_id","state","delete_after");--> statement-breakpoint
CREATE INDEX "retention_notices_client_idx" ON "retention_notices" USING btree ("client_id");--> statement-breakpoint
-- The audit log stays append-only for everyone but the retention job: it removes the entries about
-- a case it anonymises (the proof of deletion replaces them) and entries past the audit class's
-- period, and it says so by setting lotse.retention inside its own transaction (privacy/deletion.ts).
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('lotse.retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
