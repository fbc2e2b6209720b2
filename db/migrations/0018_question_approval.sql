-- Optional approval of questions (issue 12): a session may hold new questions until a host
-- approves them. approved_at NULL = waiting: shown to its author and the hosts only.
ALTER TABLE "event_sessions" ADD COLUMN "questions_need_approval" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The default approves: questions asked before this migration were already shown.
ALTER TABLE "questions" ADD COLUMN "approved_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
-- Custom (Drizzle cannot express it): a waiting question takes no votes, whatever the caller
-- checked — the vote counter refuses to count one (P0001 → not_allowed_now).
CREATE OR REPLACE FUNCTION "question_votes_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "questions" SET "votes" = "votes" + 1 WHERE "id" = NEW.question_id AND "approved_at" IS NOT NULL;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'question % is waiting for approval', NEW.question_id USING ERRCODE = 'P0001', HINT = 'not_allowed_now';
    END IF;
  ELSE
    UPDATE "questions" SET "votes" = "votes" - 1 WHERE "id" = OLD.question_id;
  END IF;
  RETURN NULL;
END;
$$;
