CREATE TYPE "public"."call_role" AS ENUM('talent', 'recruiter', 'colleague');--> statement-breakpoint
CREATE TABLE "chat_attendance" (
	"session_id" text PRIMARY KEY NOT NULL,
	"chat_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"role" "call_role" NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	CONSTRAINT "chat_attendance_order" CHECK ("chat_attendance"."left_at" IS NULL OR "chat_attendance"."left_at" >= "chat_attendance"."joined_at")
);
--> statement-breakpoint
CREATE TABLE "chat_participants" (
	"chat_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"added_by" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_participants_pk" PRIMARY KEY("chat_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "livekit_webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chat_id" uuid,
	"author_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_one_owner" CHECK (num_nonnulls("messages"."chat_id") = 1),
	CONSTRAINT "messages_body_length" CHECK (char_length("messages"."body") BETWEEN 1 AND 2000)
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "join_opens_minutes_before" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "no_show_grace_minutes" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "chat_requests" ADD COLUMN "talent_no_show" boolean;--> statement-breakpoint
ALTER TABLE "chat_requests" ADD COLUMN "recruiter_no_show" boolean;--> statement-breakpoint
ALTER TABLE "chat_requests" ADD COLUMN "recruiter_note" text;--> statement-breakpoint
ALTER TABLE "chat_attendance" ADD CONSTRAINT "chat_attendance_chat_id_chat_requests_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chat_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_attendance" ADD CONSTRAINT "chat_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_participants" ADD CONSTRAINT "chat_participants_chat_id_chat_requests_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chat_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_participants" ADD CONSTRAINT "chat_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_participants" ADD CONSTRAINT "chat_participants_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_chat_id_chat_requests_id_fk" FOREIGN KEY ("chat_id") REFERENCES "public"."chat_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "chat_attendance_chat_idx" ON "chat_attendance" USING btree ("chat_id","user_id");--> statement-breakpoint
CREATE INDEX "messages_chat_idx" ON "messages" USING btree ("chat_id","created_at");--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_join_window_range" CHECK ("events"."join_opens_minutes_before" BETWEEN 0 AND 60);--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_no_show_grace_range" CHECK ("events"."no_show_grace_minutes" BETWEEN 1 AND 60);