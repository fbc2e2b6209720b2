-- Invariants of 1-1 chats that drizzle-kit cannot express. The database, not the code, is what
-- keeps them under any concurrency: the losing transaction gets 23P01 or 23505, which lib/
-- maps to slot_taken / already_requested, and nothing half-written remains.

-- 1. A recruiter's slots never overlap.
ALTER TABLE "slots" ADD CONSTRAINT "slots_recruiter_no_overlap"
  EXCLUDE USING gist ("recruiter_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&);
--> statement-breakpoint

-- 2a. A slot holds at most one live chat.
CREATE UNIQUE INDEX "chat_requests_slot_live_unique" ON "chat_requests" ("slot_id")
  WHERE "status" = 'confirmed';
--> statement-breakpoint

-- 2b. A talent never has two live chats at overlapping times (with any recruiter).
ALTER TABLE "chat_requests" ADD CONSTRAINT "chat_requests_talent_no_overlap"
  EXCLUDE USING gist ("talent_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
  WHERE ("status" = 'confirmed');
--> statement-breakpoint

-- 4. One open request per talent–recruiter pair per event.
CREATE UNIQUE INDEX "chat_requests_open_pair_unique" ON "chat_requests" ("event_id", "talent_id", "recruiter_id")
  WHERE "status" IN ('pending', 'accepted', 'confirmed');
--> statement-breakpoint

-- 5. Status changes follow the state machine and nothing else. A reschedule keeps 'confirmed'
-- and moves the slot; every terminal status is final.
CREATE FUNCTION "chat_requests_check_transition"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = OLD.status AND NEW.status <> 'confirmed' AND NEW.slot_id IS DISTINCT FROM OLD.slot_id THEN
    RAISE EXCEPTION 'chat % cannot change its slot while %', OLD.id, OLD.status USING ERRCODE = 'P0001', HINT = 'not_allowed_now';
  END IF;
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF (OLD.status, NEW.status) NOT IN (
    ('pending', 'accepted'), ('pending', 'confirmed'), ('pending', 'declined'), ('pending', 'withdrawn'),
    ('accepted', 'confirmed'), ('accepted', 'cancelled'),
    ('confirmed', 'cancelled'), ('confirmed', 'completed')
  ) THEN
    RAISE EXCEPTION 'chat % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'P0001', HINT = 'not_allowed_now';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "chat_requests_transition" BEFORE UPDATE OF "status", "slot_id" ON "chat_requests"
  FOR EACH ROW EXECUTE FUNCTION "chat_requests_check_transition"();
--> statement-breakpoint

-- A chat is born pending (a request) or confirmed (a direct booking), never in a later state.
CREATE FUNCTION "chat_requests_check_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status NOT IN ('pending', 'confirmed') THEN
    RAISE EXCEPTION 'a chat cannot start as %', NEW.status USING ERRCODE = 'P0001', HINT = 'not_allowed_now';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "chat_requests_insert_status" BEFORE INSERT ON "chat_requests"
  FOR EACH ROW EXECUTE FUNCTION "chat_requests_check_insert"();
