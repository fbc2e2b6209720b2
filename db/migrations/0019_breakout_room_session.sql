-- A breakout room's session_id is what decides who may enter it (lib/breakouts/resource.ts), so
-- it must be its round's session: (round_id, session_id) points at breakout_rounds(id, session_id).
-- The unique constraint it references comes first (drizzle-kit wrote them the other way round).
ALTER TABLE "breakout_rounds" ADD CONSTRAINT "breakout_rounds_id_session_unique" UNIQUE("id","session_id");--> statement-breakpoint
ALTER TABLE "breakout_rooms" ADD CONSTRAINT "breakout_rooms_round_session_fk" FOREIGN KEY ("round_id","session_id") REFERENCES "public"."breakout_rounds"("id","session_id") ON DELETE cascade ON UPDATE no action;
