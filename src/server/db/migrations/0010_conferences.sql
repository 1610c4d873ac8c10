CREATE TABLE "conference_inputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"conference_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"contact_id" uuid,
	"answer" text DEFAULT 'pending' NOT NULL,
	"deputy_name" text,
	"responded_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"sent_sequence" integer DEFAULT 0 NOT NULL,
	"token_nonce" text NOT NULL,
	"reminded_7_at" timestamp with time zone,
	"reminded_1_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"conference_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"question" text NOT NULL,
	"brief" text,
	"institution_ids" uuid[] DEFAULT '{}' NOT NULL,
	"anonymised" boolean DEFAULT false NOT NULL,
	"minutes" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"sector_id" uuid NOT NULL,
	"per_year" integer DEFAULT 3 NOT NULL,
	"duration_minutes" integer DEFAULT 120 NOT NULL,
	"minutes_per_case" integer DEFAULT 10 NOT NULL,
	"open_commitments_minutes" integer DEFAULT 10 NOT NULL,
	"start_time" text DEFAULT '09:30' NOT NULL,
	"time_zone" text DEFAULT 'Europe/Berlin' NOT NULL,
	"place" text,
	"video_url" text,
	"moderator_id" uuid,
	"minute_taker_id" uuid,
	"institution_ids" uuid[] DEFAULT '{}' NOT NULL,
	"contact_ids" uuid[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"series_id" uuid,
	"sector_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"time_zone" text DEFAULT 'Europe/Berlin' NOT NULL,
	"duration_minutes" integer DEFAULT 120 NOT NULL,
	"minutes_per_case" integer DEFAULT 10 NOT NULL,
	"open_commitments_minutes" integer DEFAULT 10 NOT NULL,
	"place" text,
	"video_url" text,
	"moderator_id" uuid,
	"minute_taker_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"status_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cancel_reason" text,
	"ics_uid" text NOT NULL,
	"ics_sequence" integer DEFAULT 0 NOT NULL,
	"agenda_fixed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "conference_id" uuid;--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "conference_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_inputs" ADD CONSTRAINT "conference_inputs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_inputs" ADD CONSTRAINT "conference_inputs_nomination_id_conference_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."conference_nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_inputs" ADD CONSTRAINT "conference_inputs_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_invitations" ADD CONSTRAINT "conference_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_invitations" ADD CONSTRAINT "conference_invitations_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_invitations" ADD CONSTRAINT "conference_invitations_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_invitations" ADD CONSTRAINT "conference_invitations_contact_id_institution_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."institution_contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_nominations" ADD CONSTRAINT "conference_nominations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_nominations" ADD CONSTRAINT "conference_nominations_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_nominations" ADD CONSTRAINT "conference_nominations_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_series" ADD CONSTRAINT "conference_series_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_series" ADD CONSTRAINT "conference_series_sector_id_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."sectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_series" ADD CONSTRAINT "conference_series_moderator_id_users_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_series" ADD CONSTRAINT "conference_series_minute_taker_id_users_id_fk" FOREIGN KEY ("minute_taker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_series_id_conference_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."conference_series"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_sector_id_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."sectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_moderator_id_users_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_minute_taker_id_users_id_fk" FOREIGN KEY ("minute_taker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conference_inputs_nomination_idx" ON "conference_inputs" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "conference_invitations_conference_idx" ON "conference_invitations" USING btree ("conference_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_invitations_key" ON "conference_invitations" USING btree ("conference_id","institution_id",coalesce("contact_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE UNIQUE INDEX "conference_nominations_key" ON "conference_nominations" USING btree ("conference_id","client_id");--> statement-breakpoint
CREATE INDEX "conference_nominations_client_idx" ON "conference_nominations" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "conference_series_org_idx" ON "conference_series" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "conferences_ics_uid_key" ON "conferences" USING btree ("ics_uid");--> statement-breakpoint
CREATE INDEX "conferences_org_starts_idx" ON "conferences" USING btree ("organisation_id","starts_at");--> statement-breakpoint
CREATE INDEX "conferences_series_idx" ON "conferences" USING btree ("series_id","starts_at");