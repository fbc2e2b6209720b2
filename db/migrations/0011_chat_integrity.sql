ALTER TABLE "chat_requests" ADD CONSTRAINT "chat_requests_not_with_self" CHECK ("chat_requests"."talent_id" <> "chat_requests"."recruiter_id");--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_one_credit" CHECK ("credit_ledger"."delta" IN (-1, 1));--> statement-breakpoint

-- What follows drizzle-kit cannot express (triggers). Issue 9, item 8: rules that code upholds
-- today, held by the database too, so that a bug elsewhere fails loudly instead of drifting.

-- A confirmed chat happens exactly when its slot does. Checked at commit (deferred), so one
-- transaction may move a slot and its chat together.
CREATE FUNCTION "chat_requests_check_slot_times"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad uuid;
  ch record;
  sl record;
BEGIN
  IF TG_TABLE_NAME = 'chat_requests' THEN
    SELECT id, status, slot_id, starts_at, ends_at INTO ch FROM chat_requests WHERE id = NEW.id;
    IF FOUND AND ch.status = 'confirmed' THEN
      -- The lock waits for a transaction that is changing the slot, then reads its new times.
      SELECT starts_at, ends_at INTO sl FROM slots WHERE id = ch.slot_id FOR SHARE;
      IF NOT FOUND OR sl.starts_at <> ch.starts_at OR sl.ends_at <> ch.ends_at THEN
        bad := ch.id;
      END IF;
    END IF;
  ELSE
    SELECT c.id INTO bad FROM chat_requests c
      JOIN slots s ON s.id = c.slot_id
      WHERE s.id = NEW.id AND c.status = 'confirmed'
        AND (s.starts_at <> c.starts_at OR s.ends_at <> c.ends_at);
  END IF;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'chat % must take place at the time of its slot', bad
      USING ERRCODE = 'check_violation', CONSTRAINT = 'chat_requests_times_match_slot';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "chat_requests_slot_times" AFTER INSERT OR UPDATE OF "status", "slot_id", "starts_at", "ends_at" ON "chat_requests"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "chat_requests_check_slot_times"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "slots_booked_times" AFTER UPDATE OF "starts_at", "ends_at" ON "slots"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "chat_requests_check_slot_times"();
--> statement-breakpoint

-- The ledger explains the account: at commit, the credits a person spent (credit_accounts.spent)
-- equal minus the sum of their ledger rows. A forged or lost row, or a spend without its row,
-- fails the transaction. Deferred, because a spend writes the account and the ledger in turn.
CREATE FUNCTION "credit_ledger_check_balance"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k record;
  spent_now integer;
  ledger_sum integer;
BEGIN
  IF TG_OP = 'DELETE' THEN k := OLD; ELSE k := NEW; END IF;
  SELECT a.spent INTO spent_now FROM credit_accounts a
    WHERE a.event_id = k.event_id AND a.user_id = k.user_id AND a.kind = k.kind;
  SELECT coalesce(sum(l.delta), 0) INTO ledger_sum FROM credit_ledger l
    WHERE l.event_id = k.event_id AND l.user_id = k.user_id AND l.kind = k.kind;
  IF coalesce(spent_now, 0) <> -ledger_sum THEN
    RAISE EXCEPTION 'credits of % in event % (%): % spent but the ledger says %', k.user_id, k.event_id, k.kind, coalesce(spent_now, 0), -ledger_sum
      USING ERRCODE = 'check_violation', CONSTRAINT = 'credit_ledger_balance';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "credit_ledger_balance" AFTER INSERT OR UPDATE OR DELETE ON "credit_ledger"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "credit_ledger_check_balance"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "credit_accounts_balance" AFTER INSERT OR UPDATE OF "spent" ON "credit_accounts"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "credit_ledger_check_balance"();
