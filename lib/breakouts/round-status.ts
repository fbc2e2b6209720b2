import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import { breakoutAttendance, breakoutRounds } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { publishHints } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { inTx, type TWork } from '@/lib/tx/in-tx';
import { closeAtEndLater, closeRoomsLater } from './effects';
import { requireManager, requireSessionOn, type TBreakoutStanding } from './permissions';
import { leftAtNow, lockRound, requireNotClosed, roomsOf, type TRound } from './queries';
import type { ZCloseRound, ZExtendRound, ZOpenRound } from './schemas';

const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

/** What opening or extending answers: the round's end, and whether the session's end cut it short. */
export type TTimerResult = { endsAt: string; untilSessionEnd: boolean };

/**
 * Breakout rooms are part of their session: a timer that would run past the session's end stops
 * at it (the host's panel says so before and after). The database refuses a later end by itself
 * (trigger breakout_rounds_within_session, migration 0020).
 */
function clampToSession(wanted: Date, session: TBreakoutStanding['session']): { endsAt: Date; untilSessionEnd: boolean } {
  return wanted.getTime() >= session.endsAt.getTime() ? { endsAt: session.endsAt, untilSessionEnd: true } : { endsAt: wanted, untilSessionEnd: false };
}

/**
 * A host opens the rooms: assigned people are moved in by their browsers (which follow the
 * breakouts topic), and the timer — a job written in this transaction — closes the round at
 * `ends_at`: `minutes` from now, or the session's end if that comes first.
 */
export async function openRound(db: Db, s: TBreakoutStanding, data: z.infer<typeof ZOpenRound>, now = new Date()): Promise<TTimerResult> {
  requireManager(s);
  requireSessionOn(s.session, now);
  return inTx(db, async (tx, work) => {
    const round = await lockRound(tx, s.session.id, data.roundId);
    requireNotClosed(round);
    const { endsAt, untilSessionEnd } = clampToSession(addMinutes(now, data.minutes), s.session);
    const [row] = await tx
      .update(breakoutRounds)
      .set({ status: 'open', openedAt: now, endsAt })
      .where(and(eq(breakoutRounds.id, round.id), eq(breakoutRounds.status, 'draft')))
      .returning({ id: breakoutRounds.id });
    if (!row) throw new AppError('not_allowed_now', 'These breakout rooms are open already.');
    closeAtEndLater(work, round.id, endsAt);
    await publishHints(tx, [{ topic: topics.breakouts(s.session.id), ids: { round: round.id } }]);
    return { endsAt: endsAt.toISOString(), untilSessionEnd };
  });
}

/**
 * A host gives the rooms more time, up to the session's end. A timer already run out but not yet
 * fired counts from now. Rooms that already end with the session cannot be extended.
 */
export async function extendRound(db: Db, s: TBreakoutStanding, data: z.infer<typeof ZExtendRound>, now = new Date()): Promise<TTimerResult> {
  requireManager(s);
  requireSessionOn(s.session, now);
  return inTx(db, async (tx, work) => {
    const round = await lockRound(tx, s.session.id, data.roundId);
    requireNotClosed(round);
    if (round.status !== 'open' || !round.endsAt) throw new AppError('not_allowed_now', 'Open the breakout rooms first; then you can extend their time.');
    if (round.endsAt.getTime() >= s.session.endsAt.getTime()) {
      throw new AppError('not_allowed_now', 'The rooms already stay open until the session ends; they cannot run longer than the session.');
    }
    const { endsAt, untilSessionEnd } = clampToSession(addMinutes(new Date(Math.max(round.endsAt.getTime(), now.getTime())), data.minutes), s.session);
    await tx.update(breakoutRounds).set({ endsAt }).where(and(eq(breakoutRounds.id, round.id), eq(breakoutRounds.status, 'open')));
    // The earlier timer job still fires, finds ends_at in the future and does nothing.
    closeAtEndLater(work, round.id, endsAt);
    await publishHints(tx, [{ topic: topics.breakouts(s.session.id), ids: { round: round.id } }]);
    return { endsAt: endsAt.toISOString(), untilSessionEnd };
  });
}

/**
 * Closes a locked round (draft or open): no more tokens for its rooms (the resource refuses a
 * round that is not open), everyone's attendance ends, each room's LiveKit room is deleted by a
 * job written here, and streams following the rooms' chats re-check access.
 */
async function closeLocked(tx: Tx, work: TWork, round: TRound, now: Date): Promise<void> {
  const [row] = await tx
    .update(breakoutRounds)
    .set({ status: 'closed', closedAt: now })
    .where(and(eq(breakoutRounds.id, round.id), inArray(breakoutRounds.status, ['draft', 'open'])))
    .returning({ id: breakoutRounds.id });
  if (!row) throw new AppError('not_allowed_now', 'These breakout rooms are closed already.');
  const roomIds = (await roomsOf(tx, round.id)).map((r) => r.id);
  if (round.status === 'open' && roomIds.length > 0) {
    closeRoomsLater(work, roomIds);
    await tx
      .update(breakoutAttendance)
      .set({ leftAt: leftAtNow(now) })
      .where(and(inArray(breakoutAttendance.roomId, roomIds), isNull(breakoutAttendance.leftAt)));
  }
  await publishHints(tx, [
    { topic: topics.breakouts(round.sessionId), ids: { round: round.id } },
    ...roomIds.map((id) => ({ topic: topics.thread('breakout', id), recheck: true as const })),
  ]);
}

/** "Close all now" (also discards a draft): everyone returns to the main session. */
export async function closeRound(db: Db, s: TBreakoutStanding, data: z.infer<typeof ZCloseRound>, now = new Date()): Promise<Record<string, never>> {
  requireManager(s);
  return inTx(db, async (tx, work) => {
    const round = await lockRound(tx, s.session.id, data.roundId);
    requireNotClosed(round);
    await closeLocked(tx, work, round, now);
    return {};
  });
}

/** A cancelled session takes its breakout rooms with it (inside the cancellation's transaction). */
export async function closeLiveRound(tx: Tx, work: TWork, sessionId: string, now: Date): Promise<void> {
  const [round] = await tx
    .select()
    .from(breakoutRounds)
    .where(and(eq(breakoutRounds.sessionId, sessionId), inArray(breakoutRounds.status, ['draft', 'open'])))
    .for('no key update');
  if (round) await closeLocked(tx, work, round, now);
}

/**
 * The timer job: closes the round only if it is still open and its (possibly extended) end has
 * come. An extension leaves the earlier job behind; that one finds `ends_at` ahead and does nothing.
 * `firedFor` is the end the job was written for: pg-boss starts it by the database's clock, which
 * this instance's clock may trail, so the timer of the round's current end closes it even if our
 * clock still reads a moment before (it would otherwise stay open, with nothing left to close it).
 */
export async function closeRoundIfDue(db: Db, roundId: string, now = new Date(), firedFor?: Date): Promise<'closed' | 'not_due' | 'not_open'> {
  return inTx(db, async (tx, work) => {
    const [round] = await tx.select().from(breakoutRounds).where(eq(breakoutRounds.id, roundId)).for('no key update');
    if (!round || round.status !== 'open') return 'not_open';
    const end = round.endsAt?.getTime();
    if (end === undefined || (end > now.getTime() && end !== firedFor?.getTime())) return 'not_due';
    await closeLocked(tx, work, round, new Date(Math.max(now.getTime(), end)));
    return 'closed';
  });
}
