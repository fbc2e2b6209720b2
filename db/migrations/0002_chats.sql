CREATE TYPE "public"."booking_mode" AS ENUM('direct', 'selective');--> statement-breakpoint
CREATE TYPE "public"."chat_initiator" AS ENUM('talent', 'recruiter');--> statement-breakpoint
CREATE TYPE "public"."chat_status" AS ENUM('pending', 'accepted', 'confirmed', 'declined', 'withdrawn', 'cancelled', 'completed');--> statement-breakpoint
CREATE TYPE "public"."credit_kind" AS ENUM('talent', 'recruiter');--> statement-breakpoint
CREATE TABLE "availability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_day_id" uuid NOT NULL,
	"recruiter_id" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"mode" "day_mode" DEFAULT 'virtual' NOT NULL,
	CONSTRAINT "availability_day_recruiter_unique" UNIQUE("event_day_id","recruiter_id"),
	CONSTRAINT "availability_duration_positive" CHECK ("availability"."duration_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "chat_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"talent_id" text NOT NULL,
	"recruiter_id" text NOT NULL,
	"initiated_by" "chat_initiator" NOT NULL,
	"sent_by" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"status" "chat_status" NOT NULL,
	"slot_id" uuid,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"decline_message" text,
	"suggested_recruiter_id" text,
	"cancel_reason" text,
	"cancelled_by" text,
	"ics_sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_requests_live_has_time" CHECK ("chat_requests"."status" NOT IN ('confirmed', 'completed') OR ("chat_requests"."starts_at" IS NOT NULL AND "chat_requests"."ends_at" IS NOT NULL)),
	CONSTRAINT "chat_requests_confirmed_has_slot" CHECK ("chat_requests"."status" <> 'confirmed' OR "chat_requests"."slot_id" IS NOT NULL),
	CONSTRAINT "chat_requests_time_order" CHECK ("chat_requests"."ends_at" IS NULL OR "chat_requests"."ends_at" > "chat_requests"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "credit_accounts" (
	"event_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"kind" "credit_kind" NOT NULL,
	"granted" integer NOT NULL,
	"spent" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "credit_accounts_pk" PRIMARY KEY("event_id","user_id","kind"),
	CONSTRAINT "credit_accounts_not_overspent" CHECK ("credit_accounts"."spent" >= 0 AND "credit_accounts"."spent" <= "credit_accounts"."granted")
);
--> statement-breakpoint
CREATE TABLE "credit_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"kind" "credit_kind" NOT NULL,
	"delta" integer NOT NULL,
	"reason" text NOT NULL,
	"request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruiter_chat_settings" (
	"event_id" uuid NOT NULL,
	"recruiter_id" text NOT NULL,
	"booking_mode" "booking_mode" DEFAULT 'selective' NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"experience_level" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"topics" text DEFAULT '' NOT NULL,
	"custom_question" text DEFAULT '' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recruiter_chat_settings_pk" PRIMARY KEY("event_id","recruiter_id")
);
--> statement-breakpoint
CREATE TABLE "slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"event_day_id" uuid NOT NULL,
	"recruiter_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slots_order" CHECK ("slots"."ends_at" > "slots"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "availability" ADD CONSTRAINT "availability_event_day_id_event_days_id_fk" FOREIGN KEY ("event_day_id") REFERENCES "public"."event_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability" ADD CONSTRAINT "availability_recruiter_id_users_id_fk" FOREIGN KEY ("recruiter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_requests" ADD CONSTRAINT "chat_requests_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_requests" ADD CONSTRAINT "chat_requests_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_requests" ADD CONSTRAINT "chat_requests_talent_id_users_id_fk" FOREIGN KEY ("talent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_requests" ADD CONSTRAINT "chat_requests_recruiter_id_users_id_fk" FOREIGN KEY ("recruiter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_requests" ADD CONSTRAINT "chat_requests_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_requests" ADD CONSTRAINT "chat_requests_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_requests" ADD CONSTRAINT "chat_requests_suggested_recruiter_id_users_id_fk" FOREIGN KEY ("suggested_recruiter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_requests" ADD CONSTRAINT "chat_requests_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_accounts" ADD CONSTRAINT "credit_accounts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_accounts" ADD CONSTRAINT "credit_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_request_id_chat_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."chat_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruiter_chat_settings" ADD CONSTRAINT "recruiter_chat_settings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruiter_chat_settings" ADD CONSTRAINT "recruiter_chat_settings_recruiter_id_users_id_fk" FOREIGN KEY ("recruiter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_event_day_id_event_days_id_fk" FOREIGN KEY ("event_day_id") REFERENCES "public"."event_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_recruiter_id_users_id_fk" FOREIGN KEY ("recruiter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_requests_talent_idx" ON "chat_requests" USING btree ("event_id","talent_id","status");--> statement-breakpoint
CREATE INDEX "chat_requests_recruiter_idx" ON "chat_requests" USING btree ("event_id","recruiter_id","status");--> statement-breakpoint
CREATE INDEX "chat_requests_company_idx" ON "chat_requests" USING btree ("event_id","company_id","status");--> statement-breakpoint
CREATE INDEX "credit_ledger_user_idx" ON "credit_ledger" USING btree ("event_id","user_id");--> statement-breakpoint
CREATE INDEX "slots_recruiter_idx" ON "slots" USING btree ("recruiter_id","starts_at");--> statement-breakpoint
CREATE INDEX "slots_event_idx" ON "slots" USING btree ("event_id","starts_at");