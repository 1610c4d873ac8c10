CREATE TABLE "client_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"funder_id" uuid,
	"funding_type" text,
	"amount_cents" integer,
	"start_date" date,
	"end_date" date,
	"outcome_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"status" text DEFAULT 'suggested' NOT NULL,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"employer_feedback" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"institution_id" uuid,
	"recipient_name" text NOT NULL,
	"purpose" text NOT NULL,
	"data_categories" text[] NOT NULL,
	"consent_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "institution_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"function" text,
	"email" text,
	"phone" text,
	"language" text,
	"consent_to_contact" boolean DEFAULT false NOT NULL,
	"consent_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"sector_ids" uuid[] DEFAULT '{}' NOT NULL,
	"district" text,
	"street" text,
	"postcode" text,
	"city" text,
	"website" text,
	"email" text,
	"phone" text,
	"notes" text,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"provider_id" uuid,
	"sector_ids" uuid[] DEFAULT '{}' NOT NULL,
	"occupation_ids" uuid[] DEFAULT '{}' NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"place" text,
	"district" text,
	"start_dates" date[] DEFAULT '{}' NOT NULL,
	"duration_weeks" integer,
	"teaching_units" integer,
	"capacity" integer,
	"cost_cents" integer,
	"funders" text[] DEFAULT '{}' NOT NULL,
	"min_language_level" text,
	"entry_level" text,
	"target_level" text,
	"compensates" text[] DEFAULT '{}' NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"sector_id" uuid,
	"occupation_id" uuid,
	"district" text,
	"min_language_level" text,
	"start_date" date,
	"end_date" date,
	"places" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"description" text,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "sector_id" uuid;--> statement-breakpoint
ALTER TABLE "client_measures" ADD CONSTRAINT "client_measures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_measures" ADD CONSTRAINT "client_measures_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_measures" ADD CONSTRAINT "client_measures_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_measures" ADD CONSTRAINT "client_measures_funder_id_institutions_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."institutions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_opportunities" ADD CONSTRAINT "client_opportunities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_opportunities" ADD CONSTRAINT "client_opportunities_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_opportunities" ADD CONSTRAINT "client_opportunities_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_contacts" ADD CONSTRAINT "institution_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_contacts" ADD CONSTRAINT "institution_contacts_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institutions" ADD CONSTRAINT "institutions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_provider_id_institutions_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."institutions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_employer_id_institutions_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_sector_id_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."sectors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_occupation_id_occupations_id_fk" FOREIGN KEY ("occupation_id") REFERENCES "public"."occupations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sectors" ADD CONSTRAINT "sectors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_measures_client_idx" ON "client_measures" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "client_measures_measure_idx" ON "client_measures" USING btree ("measure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_opportunities_key" ON "client_opportunities" USING btree ("client_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "client_opportunities_opportunity_idx" ON "client_opportunities" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "disclosures_client_idx" ON "disclosures" USING btree ("client_id","at");--> statement-breakpoint
CREATE INDEX "disclosures_institution_idx" ON "disclosures" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "institution_contacts_institution_idx" ON "institution_contacts" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "institutions_org_type_idx" ON "institutions" USING btree ("organisation_id","type");--> statement-breakpoint
CREATE INDEX "institutions_search_trgm" ON "institutions" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "measures_org_active_idx" ON "measures" USING btree ("organisation_id","active");--> statement-breakpoint
CREATE INDEX "measures_sectors_gin" ON "measures" USING gin ("sector_ids");--> statement-breakpoint
CREATE INDEX "measures_occupations_gin" ON "measures" USING gin ("occupation_ids");--> statement-breakpoint
CREATE INDEX "measures_search_trgm" ON "measures" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunities_org_status_idx" ON "opportunities" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "opportunities_occupation_idx" ON "opportunities" USING btree ("organisation_id","occupation_id");--> statement-breakpoint
CREATE INDEX "opportunities_search_trgm" ON "opportunities" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "sectors_org_name_key" ON "sectors" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "clients_org_sector_idx" ON "clients" USING btree ("organisation_id","sector_id");