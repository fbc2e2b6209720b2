import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { eventSessions, events, questions, sessionHosts, sessionRegistrations } from '@/db/schema';
import { recruiterMembershipQuery } from '@/lib/chats/permissions';
import { AppError } from '@/lib/errors';
import { managesEvent, rolesInEventQuery, viewsEvent, type TActor, type TRole } from '@/lib/events/permissions';

type TEventStatus = (typeof events.$inferSelect)['status'];

export type TSession = typeof eventSessions.$inferSelect;

/**
 * How a person stands to a session, strongest first: an organizer of the event, a host, a
 * recruiter of the session's company, signed up (registered or waitlisted), registered for the
 * event only, or nobody (null).
 */
export type TSessionRole = 'organizer' | 'host' | 'company' | 'registered' | 'waitlisted' | 'attendee';

/**
 * What decides a person's role in a session, as sub-selects of a statement whose FROM holds
 * `event_sessions`: one statement, not five — every live read and write of a busy room asks this.
 */
function standingColumns(db: DbOrTx, actorId: string) {
  return {
    isHost: sql<boolean>`exists (${db.select({ one: sql`1` }).from(sessionHosts).where(and(eq(sessionHosts.sessionId, eventSessions.id), eq(sessionHosts.userId, actorId)))})`,
    sign: sql<string | null>`(${db.select({ status: sessionRegistrations.status }).from(sessionRegistrations).where(and(eq(sessionRegistrations.sessionId, eventSessions.id), eq(sessionRegistrations.userId, actorId)))})`,
    roles: sql<TRole[]>`array(select r.role::text from (${rolesInEventQuery(db, actorId, eventSessions.eventId)}) r)`,
    companyId: sql<string | null>`case when ${eventSessions.companyId} is null then null else (select m.company_id from (${recruiterMembershipQuery(db, actorId, eventSessions.eventId)}) m) end`,
  };
}

type TStanding = { isHost: boolean; sign: string | null; roles: TRole[]; companyId: string | null };

function roleFrom(actor: TActor, session: Pick<TSession, 'companyId'>, row: TStanding): TSessionRole | null {
  if (managesEvent(actor, row.roles)) return 'organizer';
  if (row.isHost) return 'host';
  if (session.companyId && row.companyId === session.companyId) return 'company';
  if (row.sign === 'registered' || row.sign === 'waitlisted') return row.sign;
  return row.roles.length > 0 ? 'attendee' : null;
}

export async function sessionRoleOf(db: DbOrTx, actor: TActor, session: TSession): Promise<TSessionRole | null> {
  const [row] = await db.select(standingColumns(db, actor.id)).from(eventSessions).where(eq(eventSessions.id, session.id));
  return row ? roleFrom(actor, session, row) : null;
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

/**
 * A session the actor may see (its event is visible to them), with their role in it: the
 * session, its event's status and the actor's standing in one statement.
 */
export async function requireSessionRole(db: DbOrTx, actor: TActor | null, sessionId: string) {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const [row] = await db
    .select({ session: eventSessions, eventStatus: events.status, ...standingColumns(db, actor.id) })
    .from(eventSessions)
    .innerJoin(events, eq(events.id, eventSessions.eventId))
    .where(eq(eventSessions.id, sessionId));
  return sessionRoleFromRow(actor, row);
}

/**
 * requireSessionRole for a question, read with it in the same statement (a vote or a host's
 * action on one question): a question that does not exist is `not_found` like its session.
 */
export async function requireQuestionSessionRole(db: DbOrTx, actor: TActor | null, questionId: string) {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const [row] = await db
    .select({
      question: { hiddenAt: questions.hiddenAt, approvedAt: questions.approvedAt, authorId: questions.authorId },
      session: eventSessions,
      eventStatus: events.status,
      ...standingColumns(db, actor.id),
    })
    .from(questions)
    .innerJoin(eventSessions, eq(eventSessions.id, questions.sessionId))
    .innerJoin(events, eq(events.id, eventSessions.eventId))
    .where(eq(questions.id, questionId));
  if (!row) throw new AppError('not_found', 'This question does not exist any more.');
  return { question: row.question, ...sessionRoleFromRow(actor, row) };
}

function sessionRoleFromRow(actor: TActor, row: (TStanding & { session: TSession; eventStatus: TEventStatus }) | undefined) {
  // The event must be visible to the actor (canViewEvent, from the roles read with it).
  if (!row || !viewsEvent(actor, { status: row.eventStatus }, row.roles)) throw new AppError('not_found', 'This session does not exist.');
  return { session: row.session, role: roleFrom(actor, row.session, row) };
}
