import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import { breakoutAssignments, breakoutAttendance, breakoutRounds } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { publishHints } from '@/lib/live/publish';
import { topics, type THint } from '@/lib/live/topics';
import { inTx, type TWork } from '@/lib/tx/in-tx';
import { removeFromRoomLater } from './effects';
import { moveOpenCall } from './host-calls';
import { isParticipant, requireManager, type TBreakoutStanding } from './permissions';
import { assignedRoomOf, leftAtNow, lockRound, requireNotClosed, type TRound } from './queries';
import type { ZAssign, ZChooseRoom } from './schemas';

type TMove = { sessionId: string; roundId: string; userId: string; roomId: string | null; by: string; now: Date };

/**
 * Moves one person in one transaction: the round row is locked first (so moves of one round and
 * its close run one after the other), then their single assignment row is written, updated or
 * deleted (null: back to the main call). Someone moved out of a room of an open round leaves its
 * LiveKit room (a job), its attendance ends, streams following its chat re-check access, and
 * their open "call the host" follows them.
 */
export async function moveInTx(tx: Tx, work: TWork, m: TMove, check?: (round: TRound) => void): Promise<{ from: string | null; to: string | null }> {
  const round = await lockRound(tx, m.sessionId, m.roundId);
  requireNotClosed(round);
  check?.(round);
  const from = await assignedRoomOf(tx, m.roundId, m.userId);
  if (from === m.roomId) return { from, to: m.roomId };
  if (m.roomId === null) {
    await tx.delete(breakoutAssignments).where(and(eq(breakoutAssignments.roundId, m.roundId), eq(breakoutAssignments.userId, m.userId)));
  } else {
    await tx
      .insert(breakoutAssignments)
      .values({ roundId: m.roundId, userId: m.userId, roomId: m.roomId, assignedBy: m.by, assignedAt: m.now })
      .onConflictDoUpdate({ target: [breakoutAssignments.roundId, breakoutAssignments.userId], set: { roomId: m.roomId, assignedBy: m.by, assignedAt: m.now } });
  }
  if (from) await moveOpenCall(tx, m.roundId, m.userId, m.roomId);
  const hints: THint[] = [{ topic: topics.breakouts(m.sessionId), ids: { round: m.roundId } }, { topic: topics.user(m.userId), ids: { breakout: m.roundId } }];
  if (from && round.status === 'open') {
    removeFromRoomLater(work, { roomId: from, userId: m.userId });
    await tx
      .update(breakoutAttendance)
      .set({ leftAt: leftAtNow(m.now) })
      .where(and(eq(breakoutAttendance.roomId, from), eq(breakoutAttendance.userId, m.userId), isNull(breakoutAttendance.leftAt)));
    hints.push({ topic: topics.thread('breakout', from), recheck: true });
  }
  await publishHints(tx, hints);
  return { from, to: m.roomId };
}

/** A host puts a person in a room, moves them, or sends them back to the main call (draft or open round). */
export async function assignPerson(db: Db, s: TBreakoutStanding, data: z.infer<typeof ZAssign>, now = new Date()) {
  requireManager(s);
  if (!(await isParticipant(db, s.session, data.userId))) {
    const message = 'This person is not in the session’s audience (hosts and organizers join any room without one).';
    throw new AppError('invalid_input', message, { userId: message });
  }
  return inTx(db, (tx, work) => moveInTx(tx, work, { sessionId: s.session.id, roundId: data.roundId, userId: data.userId, roomId: data.roomId, by: s.userId, now }));
}

/**
 * Someone who gave up their seat in a session that needs one may no longer be in its rooms (the
 * resource refuses them): their assignment goes too, in the cancellation's transaction, so the
 * hosts do not see them in a room they cannot enter. The live round is locked first, so a close
 * racing the cancellation cannot leave the move half-done.
 */
export async function leaveLiveRound(tx: Tx, work: TWork, sessionId: string, userId: string, now: Date): Promise<void> {
  const [round] = await tx
    .select({ id: breakoutRounds.id })
    .from(breakoutRounds)
    .where(and(eq(breakoutRounds.sessionId, sessionId), inArray(breakoutRounds.status, ['draft', 'open'])))
    .for('no key update');
  if (round) await moveInTx(tx, work, { sessionId, roundId: round.id, userId, roomId: null, by: userId, now });
}

/** A participant picks their room, when the hosts let people choose. */
export async function chooseRoom(db: Db, s: TBreakoutStanding, data: z.infer<typeof ZChooseRoom>, now = new Date()) {
  if (s.canManage) throw new AppError('not_allowed_now', 'Hosts join any room directly; choosing a room is for participants.');
  return inTx(db, (tx, work) =>
    moveInTx(tx, work, { sessionId: s.session.id, roundId: data.roundId, userId: s.userId, roomId: data.roomId, by: s.userId, now }, (round) => {
      if (round.assignment !== 'choose') throw new AppError('forbidden', 'The hosts assign the rooms this time; you cannot choose one.');
    }),
  );
}
