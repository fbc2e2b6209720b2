-- Invariants of sessions that drizzle-kit cannot express (partial unique indexes, triggers).
-- The counters on "event_sessions" are kept by triggers here, so no code path can forget them;
-- the CHECK constraints on those counters (event_sessions_seats_within_capacity,
-- event_sessions_stage_within_limit) then refuse any write that would overfill a session, and
-- the row lock the trigger's UPDATE takes serialises the writers of one session.

-- 1. Seats: event_sessions.seats_taken is the number of 'registered' rows of the session.
CREATE FUNCTION "session_registrations_count_seats"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta integer := 0;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'registered' THEN delta := delta - 1; END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'registered' THEN delta := delta + 1; END IF;
  IF delta <> 0 THEN
    UPDATE "event_sessions" SET "seats_taken" = "seats_taken" + delta
      WHERE "id" = CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "session_registrations_seats" AFTER INSERT OR UPDATE OF "status" OR DELETE ON "session_registrations"
  FOR EACH ROW EXECUTE FUNCTION "session_registrations_count_seats"();
--> statement-breakpoint

-- 2. Stage: one open request per person and session (pending, accepted or on screen).
CREATE UNIQUE INDEX "stage_requests_open_unique" ON "stage_requests" ("session_id", "user_id")
  WHERE "status" IN ('pending', 'accepted', 'ready');
--> statement-breakpoint

-- 3. Stage requests follow their state machine and nothing else:
--    pending → accepted | declined | withdrawn;  accepted → ready | withdrawn (cancelled the
--    countdown) | left (moved back by a host);  ready → left. Every request is born pending.
CREATE FUNCTION "stage_requests_check_transition"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'pending' THEN
      RAISE EXCEPTION 'a stage request cannot start as %', NEW.status USING ERRCODE = 'P0001', HINT = 'not_allowed_now';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF (OLD.status::text, NEW.status::text) NOT IN (
    ('pending', 'accepted'), ('pending', 'declined'), ('pending', 'withdrawn'),
    ('accepted', 'ready'), ('accepted', 'withdrawn'), ('accepted', 'left'),
    ('ready', 'left')
  ) THEN
    RAISE EXCEPTION 'stage request % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'P0001', HINT = 'not_allowed_now';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "stage_requests_transition" BEFORE INSERT OR UPDATE OF "status" ON "stage_requests"
  FOR EACH ROW EXECUTE FUNCTION "stage_requests_check_transition"();
--> statement-breakpoint

-- 4. Stage places: event_sessions.stage_taken counts requests that are accepted (counting
-- down) or on screen, so two hosts accepting the last place cannot both succeed.
CREATE FUNCTION "stage_requests_count_places"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta integer := 0;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('accepted', 'ready') THEN delta := delta - 1; END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status IN ('accepted', 'ready') THEN delta := delta + 1; END IF;
  IF delta <> 0 THEN
    UPDATE "event_sessions" SET "stage_taken" = "stage_taken" + delta
      WHERE "id" = CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "stage_requests_places" AFTER INSERT OR UPDATE OF "status" OR DELETE ON "stage_requests"
  FOR EACH ROW EXECUTE FUNCTION "stage_requests_count_places"();
--> statement-breakpoint

-- 5. Q&A: questions.votes is the number of question_votes rows; the primary key of
-- question_votes makes a second vote by the same person impossible.
CREATE FUNCTION "question_votes_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "questions" SET "votes" = "votes" + 1 WHERE "id" = NEW.question_id;
  ELSE
    UPDATE "questions" SET "votes" = "votes" - 1 WHERE "id" = OLD.question_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "question_votes_votes" AFTER INSERT OR DELETE ON "question_votes"
  FOR EACH ROW EXECUTE FUNCTION "question_votes_count"();
