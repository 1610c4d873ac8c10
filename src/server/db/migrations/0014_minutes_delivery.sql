ALTER TABLE "conference_invitations" ADD COLUMN "minutes_outbox_id" uuid;--> statement-breakpoint
ALTER TABLE "conference_invitations" ADD COLUMN "minutes_cases" integer;--> statement-breakpoint
ALTER TABLE "conference_invitations" ADD COLUMN "minutes_withheld" integer;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "link" text;--> statement-breakpoint
ALTER TABLE "conference_invitations" ADD CONSTRAINT "conference_invitations_minutes_outbox_id_outbox_id_fk" FOREIGN KEY ("minutes_outbox_id") REFERENCES "public"."outbox"("id") ON DELETE set null ON UPDATE no action;