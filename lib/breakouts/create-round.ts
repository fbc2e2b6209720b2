import 'server-only';
import type { Db } from '@/db/client';
import { breakoutAssignments, breakoutRooms, breakoutRounds } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { inTx } from '@/lib/tx/in-tx';
import { requireManager, requireSessionOn, type TBreakoutStanding } from './permissions';
import { assignablePeople } from './queries';
import type { ZCreateRound } from './schemas';
import { evenSplit } from './split';
import type { z } from 'zod';

/**
 * A host creates a draft round with its rooms. The automatic modes assign right away: an even
 * split, in a fixed order, of those present in the session room or of everyone signed up.
 * While another round of the session is not closed, the database refuses the new one
 * (breakout_rounds_one_live_unique), so two hosts creating rooms at once leave one round.
 */
export async function createRound(db: Db, s: TBreakoutStanding, data: z.infer<typeof ZCreateRound>, now = new Date()): Promise<{ roundId: string; roomIds: string[]; assigned: number }> {
  requireManager(s);
  requireSessionOn(s.session, now);
  const max = s.session.breakoutRoomLimit;
  if (data.roomCount > max) {
    const message = `This session allows at most ${max} breakout room${max === 1 ? '' : 's'}.`;
    throw new AppError('invalid_input', message, { roomCount: message });
  }
  return inTx(db, async (tx) => {
    const [round] = await tx.insert(breakoutRounds).values({ sessionId: s.session.id, assignment: data.assignment, createdBy: s.userId }).returning({ id: breakoutRounds.id });
    const rooms = await tx
      .insert(breakoutRooms)
      .values(data.names.map((name, i) => ({ roundId: round!.id, sessionId: s.session.id, position: i + 1, name })))
      .returning({ id: breakoutRooms.id, position: breakoutRooms.position });
    const roomIds = rooms.sort((a, b) => a.position - b.position).map((r) => r.id);
    let assigned = 0;
    if (data.assignment === 'auto_present' || data.assignment === 'auto_registered') {
      const people = await assignablePeople(tx, s.session, data.assignment === 'auto_present' ? 'present' : 'registered');
      const split = evenSplit(people, roomIds);
      if (split.length > 0) {
        await tx.insert(breakoutAssignments).values(split.map(({ person, roomId }) => ({ roundId: round!.id, userId: person.id, roomId, assignedBy: s.userId })));
      }
      assigned = split.length;
    }
    await publishHint(tx, topics.breakouts(s.session.id), { round: round!.id });
    return { roundId: round!.id, roomIds, assigned };
  });
}
