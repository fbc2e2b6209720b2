import 'server-only';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { breakoutAssignments, breakoutAttendance, breakoutRooms, breakoutRounds, registrations, sessionAttendance, sessionHosts, sessionRegistrations, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { displayName } from '@/lib/profiles/display-name';
import type { TSession } from '@/lib/sessions/permissions';

export type TRound = typeof breakoutRounds.$inferSelect;
export type TRoom = typeof breakoutRooms.$inferSelect;
export type TPerson = { id: string; name: string };

/**
 * A round of this session, locked against other changes of the round (FOR NO KEY UPDATE): every
 * write to a round's rooms, assignments or status takes this lock first, so two hosts moving
 * the same person, or a move and "close all now", run one after the other.
 */
export async function lockRound(tx: DbOrTx, sessionId: string, roundId: string): Promise<TRound> {
  const [round] = await tx
    .select()
    .from(breakoutRounds)
    .where(and(eq(breakoutRounds.id, roundId), eq(breakoutRounds.sessionId, sessionId)))
    .for('no key update');
  if (!round) throw new AppError('not_found', 'These breakout rooms do not exist any more. Reload the page.');
  return round;
}

export function requireNotClosed(round: TRound): void {
  if (round.status === 'closed') throw new AppError('not_allowed_now', 'These breakout rooms are closed. Create new ones to split the audience again.');
}

export function requireOpen(round: TRound): void {
  requireNotClosed(round);
  if (round.status !== 'open') throw new AppError('not_allowed_now', 'The breakout rooms are not open yet.');
}

/** The session's round that is not closed (there is at most one), or undefined. */
export async function liveRound(db: DbOrTx, sessionId: string): Promise<TRound | undefined> {
  const [round] = await db.select().from(breakoutRounds).where(and(eq(breakoutRounds.sessionId, sessionId), ne(breakoutRounds.status, 'closed')));
  return round;
}

export function roomsOf(db: DbOrTx, roundId: string): Promise<TRoom[]> {
  return db.select().from(breakoutRooms).where(eq(breakoutRooms.roundId, roundId)).orderBy(asc(breakoutRooms.position));
}

/** The room a person is assigned to in a round, or null (the main call). */
export async function assignedRoomOf(db: DbOrTx, roundId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ roomId: breakoutAssignments.roomId })
    .from(breakoutAssignments)
    .where(and(eq(breakoutAssignments.roundId, roundId), eq(breakoutAssignments.userId, userId)));
  return row?.roomId ?? null;
}

/** Hosts and organizers: they move between rooms freely and are never assigned. */
export async function runnersOf(db: DbOrTx, session: Pick<TSession, 'id' | 'eventId'>): Promise<Set<string>> {
  const [hosts, organizers] = await Promise.all([
    db.select({ id: sessionHosts.userId }).from(sessionHosts).where(eq(sessionHosts.sessionId, session.id)),
    db.select({ id: registrations.userId }).from(registrations).where(and(eq(registrations.eventId, session.eventId), eq(registrations.role, 'organizer'))),
  ]);
  return new Set([...hosts, ...organizers].map((r) => r.id));
}

/** People connected to the session's main room now (from LiveKit's webhooks). */
export function presentInSession(db: DbOrTx, sessionId: string): Promise<TPerson[]> {
  return db
    .selectDistinct({ id: users.id, name: displayName() })
    .from(sessionAttendance)
    .innerJoin(users, eq(users.id, sessionAttendance.userId))
    .where(and(eq(sessionAttendance.sessionId, sessionId), isNull(sessionAttendance.leftAt)));
}

/** Everyone holding a seat (signed up, not waitlisted). */
export function registeredForSession(db: DbOrTx, sessionId: string): Promise<TPerson[]> {
  return db
    .select({ id: users.id, name: displayName() })
    .from(sessionRegistrations)
    .innerJoin(users, eq(users.id, sessionRegistrations.userId))
    .where(and(eq(sessionRegistrations.sessionId, sessionId), eq(sessionRegistrations.status, 'registered')));
}

/** People by name, then id: the order auto-assignment deals them out in, so it is repeatable. */
export const byName = (a: TPerson, b: TPerson) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The people of a session a host can put in rooms: present or signed up, hosts and organizers left out. */
export async function assignablePeople(db: DbOrTx, session: Pick<TSession, 'id' | 'eventId'>, from: 'present' | 'registered' | 'both'): Promise<TPerson[]> {
  const [runners, present, registered] = await Promise.all([
    runnersOf(db, session),
    from === 'registered' ? [] : presentInSession(db, session.id),
    from === 'present' ? [] : registeredForSession(db, session.id),
  ]);
  const people = new Map<string, TPerson>();
  for (const p of [...present, ...registered]) if (!runners.has(p.id)) people.set(p.id, p);
  return [...people.values()].sort(byName);
}

/** `left_at` for attendance ended at `now` — never before it began (LiveKit's clock may run ahead of ours). */
export const leftAtNow = (now: Date) => sql`greatest(${breakoutAttendance.joinedAt}, ${now.toISOString()}::timestamptz)`;
