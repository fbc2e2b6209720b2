-- Written by hand (drizzle-kit cannot express a check across two tables).
--
-- Breakout rooms are part of their session: a round's timer never runs past the session's end.
-- The open and extend use-cases clamp the end themselves and say so to the host; this trigger
-- is the database's own guard, so no caller can set a later end. It fires only when ends_at is
-- written, so a session moved earlier afterwards does not block closing its round.
CREATE FUNCTION "breakout_rounds_check_within_session"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  session_end timestamptz;
BEGIN
  SELECT ends_at INTO session_end FROM "event_sessions" WHERE id = NEW.session_id;
  IF NEW.ends_at > session_end THEN
    RAISE EXCEPTION 'breakout round % would end at %, after its session ends at %', NEW.id, NEW.ends_at, session_end
      USING ERRCODE = '23514', CONSTRAINT = 'breakout_rounds_within_session';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "breakout_rounds_within_session" BEFORE INSERT OR UPDATE OF "ends_at" ON "breakout_rounds"
  FOR EACH ROW WHEN (NEW.ends_at IS NOT NULL) EXECUTE FUNCTION "breakout_rounds_check_within_session"();
