CREATE TYPE "public"."breakout_assignment_mode" AS ENUM('auto_present', 'auto_registered', 'manual', 'choose');--> statement-breakpoint
CREATE TYPE "public"."breakout_round_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
ALTER TYPE "public"."thread_kind" ADD VALUE 'breakout';--> statement-breakpoint
CREATE TABLE "breakout_assignments" (
	"round_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"room_id" uuid NOT NULL,
	"assigned_by" text,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "breakout_assignments_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "breakout_attendance" (
	"participant_sid" text PRIMARY KEY NOT NULL,
	"room_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	CONSTRAINT "breakout_attendance_order" CHECK ("breakout_attendance"."left_at" IS NULL OR "breakout_attendance"."left_at" >= "breakout_attendance"."joined_at")
);
--> statement-breakpoint
CREATE TABLE "breakout_broadcasts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "breakout_broadcasts_body_length" CHECK (char_length("breakout_broadcasts"."body") BETWEEN 1 AND 500)
);
--> statement-breakpoint
CREATE TABLE "breakout_host_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" text
);
--> statement-breakpoint
CREATE TABLE "breakout_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "breakout_rooms_round_position_unique" UNIQUE("round_id","position"),
	CONSTRAINT "breakout_rooms_round_name_unique" UNIQUE("round_id","name"),
	CONSTRAINT "breakout_rooms_id_round_unique" UNIQUE("id","round_id"),
	CONSTRAINT "breakout_rooms_position_range" CHECK ("breakout_rooms"."position" BETWEEN 1 AND 50),
	CONSTRAINT "breakout_rooms_name_length" CHECK (char_length("breakout_rooms"."name") BETWEEN 1 AND 60)
);
--> statement-breakpoint
CREATE TABLE "breakout_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"status" "breakout_round_status" DEFAULT 'draft' NOT NULL,
	"assignment" "breakout_assignment_mode" NOT NULL,
	"opened_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "breakout_rounds_open_has_timer" CHECK ("breakout_rounds"."status" = 'draft' OR ("breakout_rounds"."status" = 'closed' AND "breakout_rounds"."opened_at" IS NULL) OR ("breakout_rounds"."opened_at" IS NOT NULL AND "breakout_rounds"."ends_at" > "breakout_rounds"."opened_at")),
	CONSTRAINT "breakout_rounds_closed_at" CHECK (("breakout_rounds"."status" = 'closed') = ("breakout_rounds"."closed_at" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "event_sessions" ADD COLUMN "breakout_room_limit" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "breakout_assignments" ADD CONSTRAINT "breakout_assignments_round_id_breakout_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."breakout_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_assignments" ADD CONSTRAINT "breakout_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_assignments" ADD CONSTRAINT "breakout_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_assignments" ADD CONSTRAINT "breakout_assignments_room_fk" FOREIGN KEY ("room_id","round_id") REFERENCES "public"."breakout_rooms"("id","round_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_attendance" ADD CONSTRAINT "breakout_attendance_room_id_breakout_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."breakout_rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_attendance" ADD CONSTRAINT "breakout_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_broadcasts" ADD CONSTRAINT "breakout_broadcasts_round_id_breakout_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."breakout_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_broadcasts" ADD CONSTRAINT "breakout_broadcasts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_host_calls" ADD CONSTRAINT "breakout_host_calls_round_id_breakout_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."breakout_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_host_calls" ADD CONSTRAINT "breakout_host_calls_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_host_calls" ADD CONSTRAINT "breakout_host_calls_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_host_calls" ADD CONSTRAINT "breakout_host_calls_room_fk" FOREIGN KEY ("room_id","round_id") REFERENCES "public"."breakout_rooms"("id","round_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_rooms" ADD CONSTRAINT "breakout_rooms_round_id_breakout_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."breakout_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_rooms" ADD CONSTRAINT "breakout_rooms_session_id_event_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_rounds" ADD CONSTRAINT "breakout_rounds_session_id_event_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakout_rounds" ADD CONSTRAINT "breakout_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breakout_assignments_room_idx" ON "breakout_assignments" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "breakout_assignments_user_idx" ON "breakout_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "breakout_assignments_assigned_by_idx" ON "breakout_assignments" USING btree ("assigned_by");--> statement-breakpoint
CREATE INDEX "breakout_attendance_room_idx" ON "breakout_attendance" USING btree ("room_id","user_id");--> statement-breakpoint
CREATE INDEX "breakout_attendance_user_idx" ON "breakout_attendance" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "breakout_broadcasts_round_idx" ON "breakout_broadcasts" USING btree ("round_id","created_at");--> statement-breakpoint
CREATE INDEX "breakout_broadcasts_author_idx" ON "breakout_broadcasts" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "breakout_host_calls_open_unique" ON "breakout_host_calls" USING btree ("round_id","user_id") WHERE "breakout_host_calls"."answered_at" IS NULL;--> statement-breakpoint
CREATE INDEX "breakout_host_calls_round_idx" ON "breakout_host_calls" USING btree ("round_id","created_at");--> statement-breakpoint
CREATE INDEX "breakout_host_calls_room_idx" ON "breakout_host_calls" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "breakout_host_calls_user_idx" ON "breakout_host_calls" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "breakout_host_calls_answered_by_idx" ON "breakout_host_calls" USING btree ("answered_by");--> statement-breakpoint
CREATE INDEX "breakout_rooms_session_idx" ON "breakout_rooms" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "breakout_rounds_one_live_unique" ON "breakout_rounds" USING btree ("session_id") WHERE "breakout_rounds"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "breakout_rounds_session_idx" ON "breakout_rounds" USING btree ("session_id","created_at");--> statement-breakpoint
CREATE INDEX "breakout_rounds_created_by_idx" ON "breakout_rounds" USING btree ("created_by");--> statement-breakpoint
ALTER TABLE "event_sessions" ADD CONSTRAINT "event_sessions_breakout_room_limit_range" CHECK ("event_sessions"."breakout_room_limit" BETWEEN 1 AND 50);--> statement-breakpoint

-- Written by hand below (drizzle-kit cannot express triggers).

-- A round's status follows draft → open → closed (or draft → closed) and nothing else; every
-- round is born a draft. A host opening while another closes, or the timer job closing a round
-- a host already closed, lose here with not_allowed_now (the use-cases compare-and-set first).
CREATE FUNCTION "breakout_rounds_check_transition"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' THEN
      RAISE EXCEPTION 'a breakout round cannot start as %', NEW.status USING ERRCODE = 'P0001', HINT = 'not_allowed_now';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF (OLD.status::text, NEW.status::text) NOT IN (('draft', 'open'), ('draft', 'closed'), ('open', 'closed')) THEN
    RAISE EXCEPTION 'breakout round % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'P0001', HINT = 'not_allowed_now';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "breakout_rounds_transition" BEFORE INSERT OR UPDATE OF "status" ON "breakout_rounds"
  FOR EACH ROW EXECUTE FUNCTION "breakout_rounds_check_transition"();
--> statement-breakpoint

-- A closed round's assignments are its history: nobody is assigned or moved any more, so a
-- move racing "close all now" cannot hand out a room that has just closed. (Deletes stay
-- allowed: deleting an account removes its rows of closed rounds too.)
CREATE FUNCTION "breakout_assignments_round_not_closed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  round_status text;
BEGIN
  SELECT status::text INTO round_status FROM "breakout_rounds" WHERE id = NEW.round_id;
  IF round_status = 'closed' THEN
    RAISE EXCEPTION 'the breakout rooms are closed' USING ERRCODE = 'P0001', HINT = 'not_allowed_now';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "breakout_assignments_frozen_when_closed" BEFORE INSERT OR UPDATE ON "breakout_assignments"
  FOR EACH ROW EXECUTE FUNCTION "breakout_assignments_round_not_closed"();
