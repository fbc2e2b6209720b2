ALTER TABLE "event_days" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "event_days" ADD CONSTRAINT "event_days_location_length" CHECK (char_length("event_days"."location") <= 200);