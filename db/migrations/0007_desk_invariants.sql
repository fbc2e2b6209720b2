-- Invariants of chat desks that drizzle-kit cannot express (partial unique index, triggers).
-- The database keeps them under any concurrency; lib/desks maps the errors to domain codes.

-- One live visit per participant per desk: a queued, open or closed (re-openable) conversation.
-- A hard-closed one ends the visit, so re-entering starts a new conversation at the queue's end.
CREATE UNIQUE INDEX "conversations_one_visit_unique" ON "conversations" ("desk_id", "participant_id")
  WHERE "status" <> 'hard_closed';
--> statement-breakpoint

-- Conversations move along queued → open → closed → queued (re-open) and any of them → hard_closed
-- (final). A confidential conversation is locked to its moderator: it is never reassigned.
CREATE FUNCTION "conversations_check_transition"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.confidential AND NEW.assigned_to IS DISTINCT FROM OLD.assigned_to THEN
    RAISE EXCEPTION 'conversation % is confidential to its moderator', OLD.id USING ERRCODE = 'P0001', HINT = 'not_allowed_now';
  END IF;
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF (OLD.status, NEW.status) NOT IN (
    ('queued', 'open'), ('queued', 'closed'), ('queued', 'hard_closed'),
    ('open', 'closed'), ('open', 'hard_closed'),
    ('closed', 'queued'), ('closed', 'hard_closed')
  ) THEN
    RAISE EXCEPTION 'conversation % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'P0001', HINT = 'not_allowed_now';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "conversations_transition" BEFORE UPDATE OF "status", "assigned_to" ON "conversations"
  FOR EACH ROW EXECUTE FUNCTION "conversations_check_transition"();
--> statement-breakpoint

CREATE FUNCTION "conversations_check_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'queued' THEN
    RAISE EXCEPTION 'a conversation starts in the queue, not %', NEW.status USING ERRCODE = 'P0001', HINT = 'not_allowed_now';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "conversations_insert_status" BEFORE INSERT ON "conversations"
  FOR EACH ROW EXECUTE FUNCTION "conversations_check_insert"();
--> statement-breakpoint

-- Never more open conversations per moderator than the desk's limit. Each moderator's count of
-- open conversations is kept here, in the same transaction as the change; raising it is a
-- conditional UPDATE, whose row lock makes concurrent admissions to one moderator wait and
-- re-check, so the last place is taken once. A refused raise is 23514 on the named constraint.
CREATE FUNCTION "conversations_count_open"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_open boolean := TG_OP = 'UPDATE' AND OLD.status = 'open';
  is_open boolean := NEW.status = 'open';
BEGIN
  IF was_open AND (NOT is_open OR NEW.assigned_to IS DISTINCT FROM OLD.assigned_to) THEN
    UPDATE "desk_moderators" SET "open_count" = "open_count" - 1
      WHERE "desk_id" = OLD.desk_id AND "user_id" = OLD.assigned_to;
  END IF;
  IF is_open AND (NOT was_open OR NEW.assigned_to IS DISTINCT FROM OLD.assigned_to) THEN
    UPDATE "desk_moderators" m SET "open_count" = m."open_count" + 1
      FROM "desks" d
      WHERE d.id = m.desk_id AND m.desk_id = NEW.desk_id AND m.user_id = NEW.assigned_to
        AND m.open_count < d.limit_per_moderator;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'moderator % of desk % is at the limit', NEW.assigned_to, NEW.desk_id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'desk_moderators_within_limit';
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "conversations_open_count" AFTER INSERT OR UPDATE OF "status", "assigned_to" ON "conversations"
  FOR EACH ROW EXECUTE FUNCTION "conversations_count_open"();
