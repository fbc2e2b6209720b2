CREATE TYPE "public"."conversation_status" AS ENUM('queued', 'open', 'closed', 'hard_closed');--> statement-breakpoint
CREATE TABLE "conversation_presence" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"participant_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_reads" (
	"conversation_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_reads_pk" PRIMARY KEY("conversation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "conversation_tags" (
	"conversation_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_tags_pk" PRIMARY KEY("conversation_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"desk_id" uuid NOT NULL,
	"participant_id" text,
	"pseudonym" text,
	"status" "conversation_status" DEFAULT 'queued' NOT NULL,
	"assigned_to" text,
	"confidential" boolean DEFAULT false NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"admitted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"first_queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_open_assigned" CHECK ("conversations"."status" <> 'open' OR "conversations"."assigned_to" IS NOT NULL),
	CONSTRAINT "conversations_confidential_one_moderator" CHECK (NOT "conversations"."confidential" OR "conversations"."assigned_to" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "desk_moderators" (
	"desk_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"open_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_moderators_pk" PRIMARY KEY("desk_id","user_id"),
	CONSTRAINT "desk_moderators_open_count_nonneg" CHECK ("desk_moderators"."open_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "desk_tags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"desk_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_tags_name_length" CHECK (char_length("desk_tags"."name") BETWEEN 1 AND 40)
);
--> statement-breakpoint
CREATE TABLE "desks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"company_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"welcome_message" text DEFAULT '' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"limit_per_moderator" integer DEFAULT 3 NOT NULL,
	"retention_days" integer DEFAULT 30 NOT NULL,
	"files_allowed" boolean DEFAULT false NOT NULL,
	"anonymised_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desks_name_length" CHECK (char_length("desks"."name") BETWEEN 1 AND 80),
	CONSTRAINT "desks_hours_order" CHECK ("desks"."closes_at" > "desks"."opens_at"),
	CONSTRAINT "desks_limit_range" CHECK ("desks"."limit_per_moderator" BETWEEN 1 AND 20),
	CONSTRAINT "desks_retention_range" CHECK ("desks"."retention_days" BETWEEN 0 AND 3650)
);
--> statement-breakpoint
ALTER TABLE "conversation_presence" ADD CONSTRAINT "conversation_presence_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_tags" ADD CONSTRAINT "conversation_tags_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_tags" ADD CONSTRAINT "conversation_tags_tag_id_desk_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."desk_tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_desk_id_desks_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."desks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_participant_id_users_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_assignee_fk" FOREIGN KEY ("desk_id","assigned_to") REFERENCES "public"."desk_moderators"("desk_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_moderators" ADD CONSTRAINT "desk_moderators_desk_id_desks_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."desks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_moderators" ADD CONSTRAINT "desk_moderators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_tags" ADD CONSTRAINT "desk_tags_desk_id_desks_id_fk" FOREIGN KEY ("desk_id") REFERENCES "public"."desks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desks" ADD CONSTRAINT "desks_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desks" ADD CONSTRAINT "desks_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desks" ADD CONSTRAINT "desks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_tags_tag_idx" ON "conversation_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE INDEX "conversations_queue_idx" ON "conversations" USING btree ("desk_id","status","queued_at","id");--> statement-breakpoint
CREATE INDEX "conversations_participant_idx" ON "conversations" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "desk_moderators_user_idx" ON "desk_moderators" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_tags_desk_name_unique" ON "desk_tags" USING btree ("desk_id",lower("name"));--> statement-breakpoint
CREATE INDEX "desks_event_idx" ON "desks" USING btree ("event_id","opens_at");