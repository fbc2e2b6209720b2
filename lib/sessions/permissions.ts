import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { sessionHosts, sessionRegistrations, eventSessions } from '@/db/schema';
import { recruiterMembershipQuery } from '@/lib/chats/permissions';
import { AppError } from '@/lib/errors';
import { canViewEvent, managesEvent, rolesInEventQuery, type TActor, type TRole } from '@/lib/events/permissions';
import { events } from '@/db/schema';

export type TSession = typeof eventSessions.$inferSelect;

/**
 * How a person stands to a session, strongest first: an organizer of the event, a host, a
 * recruiter of the session's company, signed up (registered or waitlisted), registered for the
 * event only, or nobody (null).
 */
export type TSessionRole = 'organizer' | 'host' | 'company' | 'registered' | 'waitlisted' | 'attendee';

export async function sessionRoleOf(db: DbOrTx, actor: TActor, session: TSession): Promise<TSessionRole | null> {
  // One statement, not five: every live read and write of a busy room asks this.
  const [row] = await db
    .select({
      isHost: sql<boolean>`exists (${db.select({ one: sql`1` }).from(sessionHosts).where(and(eq(sessionHosts.sessionId, session.id), eq(sessionHosts.userId, actor.id)))})`,
      sign: sql<string | null>`(${db.select({ status: sessionRegistrations.status }).from(sessionRegistrations).where(and(eq(sessionRegistrations.sessionId, session.id), eq(sessionRegistrations.userId, actor.id)))})`,
      roles: sql<TRole[]>`array(select r.role::text from (${rolesInEventQuery(db, actor.id, session.eventId)}) r)`,
      companyId: session.companyId ? sql<string | null>`(select m.company_id from (${recruiterMembershipQuery(db, actor.id, session.eventId)}) m)` : sql<string | null>`null`,
    })
    .from(eventSessions)
    .where(eq(eventSessions.id, session.id));
  if (!row) return null;
  if (managesEvent(actor, row.roles)) return 'organizer';
  if (row.isHost) return 'host';
  if (session.companyId && row.companyId === session.companyId) return 'company';
  if (row.sign === 'registered' || row.sign === 'waitlisted') return row.sign;
  return row.roles.length > 0 ? 'attendee' : null;
}

/** Hosts and organizers run the room: they accept people on stage and moderate Q&A and chat. */
export const isModerator = (role: TSessionRole | null) => role === 'organizer' || role === 'host';

/** Who may be in the room: everyone involved, and the event's people when no sign-up is needed. */
export function mayEnter(role: TSessionRole | null, session: Pick<TSession, 'signUpRequired'>): boolean {
  if (role === null || role === 'waitlisted') return false;
  return role !== 'attendee' || !session.signUpRequired;
}

export async function loadSession(db: DbOrTx, sessionId: string, forUpdate = false): Promise<TSession> {
  const q = db.select().from(eventSessions).where(eq(eventSessions.id, sessionId));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found', 'This session does not exist.');
  return row;
}

/** A session the actor may see (its event is visible to them), with their role in it. */
export async function requireSessionRole(db: DbOrTx, actor: TActor | null, sessionId: string) {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const session = await loadSession(db, sessionId);
  const [event] = await db.select({ id: events.id, status: events.status }).from(events).where(eq(events.id, session.eventId));
  if (!event || !(await canViewEvent(db, actor, event))) throw new AppError('not_found', 'This session does not exist.');
  return { session, role: await sessionRoleOf(db, actor, session) };
}
