-- Threads: every text conversation (1-1 call chat now; sessions, breakouts and desks next) is a
-- threads row, and messages belong to a thread instead of a chat. Hand-merged from two
-- generated steps because the data has to move between them (see the UPDATE below).
CREATE TYPE "public"."thread_kind" AS ENUM('chat');--> statement-breakpoint
CREATE TABLE "threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "thread_kind" NOT NULL,
	"owner_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "threads_kind_owner_unique" UNIQUE("kind","owner_id")
);
--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "threads_event_idx" ON "threads" USING btree ("event_id");--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_one_owner";--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_body_length";--> statement-breakpoint
ALTER TABLE "messages" DROP CONSTRAINT "messages_chat_id_chat_requests_id_fk";--> statement-breakpoint
DROP INDEX "messages_chat_idx";--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "thread_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "seq" integer;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "attachment_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "pii_flagged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "redacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
-- Existing call messages move onto one thread per chat, numbered in the order they were written.
INSERT INTO "threads" ("kind", "owner_id", "event_id", "last_seq")
  SELECT 'chat', c."id", c."event_id", count(*) FROM "messages" m JOIN "chat_requests" c ON c."id" = m."chat_id" GROUP BY c."id", c."event_id";--> statement-breakpoint
UPDATE "messages" m SET "thread_id" = t."id", "seq" = n."seq"
  FROM (SELECT "id", row_number() OVER (PARTITION BY "chat_id" ORDER BY "created_at", "id") AS "seq" FROM "messages") n, "threads" t
  WHERE n."id" = m."id" AND t."kind" = 'chat' AND t."owner_id" = m."chat_id";--> statement-breakpoint
DELETE FROM "messages" WHERE "thread_id" IS NULL;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "thread_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "seq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" DROP COLUMN "chat_id";--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_seq_unique" UNIQUE("thread_id","seq");--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_body_length" CHECK (char_length("messages"."body") <= 4000 AND (char_length("messages"."body") >= 1 OR "messages"."attachment_id" IS NOT NULL OR "messages"."redacted_at" IS NOT NULL));--> statement-breakpoint
CREATE INDEX "messages_author_idx" ON "messages" USING btree ("author_id");--> statement-breakpoint
-- Mail delivery runs as jobs: attempts and a claim, so two workers never send one mail twice.
ALTER TABLE "outbox" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
DROP INDEX "outbox_event_idx";--> statement-breakpoint
CREATE INDEX "outbox_event_idx" ON "outbox" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_unsent_idx" ON "outbox" USING btree ("created_at") WHERE "outbox"."status" <> 'sent';
