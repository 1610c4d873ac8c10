CREATE TABLE "partner_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"contact_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "institution_id" uuid;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "organisation_chosen" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "progress_note" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "progress_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "progress_by" uuid;--> statement-breakpoint
ALTER TABLE "partner_memberships" ADD CONSTRAINT "partner_memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_memberships" ADD CONSTRAINT "partner_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_memberships" ADD CONSTRAINT "partner_memberships_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_memberships" ADD CONSTRAINT "partner_memberships_contact_id_institution_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."institution_contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_memberships_key" ON "partner_memberships" USING btree ("organisation_id","user_id");--> statement-breakpoint
CREATE INDEX "partner_memberships_user_idx" ON "partner_memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "partner_memberships_institution_idx" ON "partner_memberships" USING btree ("organisation_id","institution_id") WHERE status = 'active';--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_progress_by_users_id_fk" FOREIGN KEY ("progress_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_institution_idx" ON "audit_log" USING btree ("organisation_id","institution_id","at");