import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { events, sessionRegistrations } from '@/db/schema';
import { leaveLiveRound } from '@/lib/breakouts/assign';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { publishHints } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { parseInput } from '@/lib/validation';
import { announceSession } from './announce';
import { roomAccessChanged } from './hints';
import { loadSession, requireSessionRole } from './permissions';
import { inSessionTx } from './session-tx';
import { promoteWaitlisted, waitlistPosition } from './waitlist';
import { ZSessionId } from './schemas';

export type TSignUp = { status: 'registered' | 'waitlisted'; position: number | null };

/**
 * Signs the actor up: a seat while there is one, otherwise the waitlist. The session's row lock
 * orders every sign-up and cancellation of one session, so the seat count read under it is
 * exact; the seat trigger and the capacity CHECK refuse anything that would still overfill it.
 */
export async function signUp(db: Db, actor: TActor | null, sessionId: unknown, now = new Date()): Promise<TSignUp> {
  const id = parseInput(ZSessionId, sessionId);
  const { role } = await requireSessionRole(db, actor, id);
  if (role === null) throw new AppError('forbidden', 'Register for this event first, then sign up for its eventSessions.');
  if (role === 'host') throw new AppError('not_allowed_now', 'You host this session, so you have a place already.');
  return inSessionTx(db, async (tx) => {
    const session = await loadSession(tx, id, true);
    if (session.cancelledAt) throw new AppError('not_allowed_now', 'This session was cancelled.');
    if (session.endsAt <= now) throw new AppError('not_allowed_now', 'This session is over.');
    const hasSeat = session.capacity === null || session.seatsTaken < session.capacity;
    const status = hasSeat ? 'registered' : 'waitlisted';
    // A cancelled sign-up comes back to life at the end of the queue; an active one is a conflict.
    const [row] = await tx
      .insert(sessionRegistrations)
      .values({ sessionId: id, userId: actor!.id, status })
      .onConflictDoUpdate({
        target: [sessionRegistrations.sessionId, sessionRegistrations.userId],
        set: { status, queuedSeq: sql`nextval(pg_get_serial_sequence('session_registrations', 'queued_seq'))`, updatedAt: new Date() },
        setWhere: eq(sessionRegistrations.status, 'cancelled'),
      })
      .returning({ queuedSeq: sessionRegistrations.queuedSeq });
    if (!row) throw new AppError('conflict', 'You are already signed up for this session (or on its waitlist).');
    await publishHints(tx, [
      { topic: topics.session(id), ids: { seats: 1 } },
      { topic: topics.user(actor!.id), ids: { session: id } },
    ]);
    return { status, position: status === 'waitlisted' ? await waitlistPosition(tx, id, row.queuedSeq) : null };
  });
}

/**
 * Gives up a seat or a waitlist place. A freed seat goes to the first waitlisted person in the
 * same transaction, and they are told.
 */
export async function cancelSignUp(db: Db, actor: TActor | null, sessionId: unknown): Promise<{ promoted: string[] }> {
  const id = parseInput(ZSessionId, sessionId);
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  return inSessionTx(db, async (tx, mails, work) => {
    const session = await loadSession(tx, id, true);
    const [row] = await tx
      .update(sessionRegistrations)
      .set({ status: 'cancelled', updatedAt: new Date() })
      .where(and(eq(sessionRegistrations.sessionId, id), eq(sessionRegistrations.userId, actor.id), inArray(sessionRegistrations.status, ['registered', 'waitlisted'])))
      .returning({ id: sessionRegistrations.id });
    if (!row) throw new AppError('not_allowed_now', 'You are not signed up for this session.');
    // Without a seat they may not be in a session that needs one, nor in its breakout rooms.
    if (session.signUpRequired) await leaveLiveRound(tx, work, id, actor.id, new Date());
    const promoted = session.cancelledAt ? [] : await promoteWaitlisted(tx, session);
    if (promoted.length) {
      const [event] = await tx.select().from(events).where(eq(events.id, session.eventId));
      mails.push(...(await announceSession(tx, session, event!, promoted, 'promoted')));
    }
    await publishHints(tx, [
      { topic: topics.session(id), ids: { seats: 1 } },
      ...[actor.id, ...promoted].map((u) => ({ topic: topics.user(u), ids: { session: id } })),
      // Without a sign-up the room may be closed to them (sign-up required).
      ...roomAccessChanged(id, actor.id),
    ]);
    return { promoted };
  });
}
