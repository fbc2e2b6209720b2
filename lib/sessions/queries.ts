import 'server-only';
import { and, asc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { hotRead } from '@/db/hot-read';
import { displayName } from '@/lib/profiles/display-name';
import { companies, eventSessions, sessionHosts, sessionRegistrations, users } from '@/db/schema';
import type { TProgrammeFilter } from './schemas';
import type { TSession } from './permissions';

export type TSessionCard = {
  session: TSession;
  company: { id: string; name: string; slug: string } | null;
  hosts: { id: string; name: string }[];
  /** The viewer's sign-up: null when none, else status and (waitlisted) 1-based position. */
  mine: { status: 'registered' | 'waitlisted'; position: number | null } | null;
  isHost: boolean;
};

/**
 * Sessions with their company, hosts and the viewer's sign-up, in time order. Three queries
 * whatever the number: the sessions, their hosts, the viewer's sign-ups with positions.
 */
async function cards(db: DbOrTx, where: SQL | undefined, viewerId: string | null, limit = 500): Promise<TSessionCard[]> {
  return withHostsAndSignUps(db, await sessionRows(db, where, limit), viewerId);
}

function sessionRows(db: DbOrTx, where: SQL | undefined, limit: number) {
  return db
    .select({ session: eventSessions, company: { id: companies.id, name: companies.name, slug: companies.slug } })
    .from(eventSessions)
    .leftJoin(companies, eq(companies.id, eventSessions.companyId))
    .where(where)
    .orderBy(asc(eventSessions.startsAt), asc(eventSessions.title))
    .limit(limit);
}

/** Sessions' rows as cards: their hosts and the viewer's sign-ups, two queries for all of them. */
async function withHostsAndSignUps(db: DbOrTx, rows: Awaited<ReturnType<typeof sessionRows>>, viewerId: string | null): Promise<TSessionCard[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.session.id);
  const [hosts, mine] = await Promise.all([hostsQuery(db, { ids }), viewerId ? signUpsQuery(db, { ids, viewer: viewerId }) : Promise.resolve([])]);
  return rows.map((r) => {
    const m = mine.find((x) => x.sessionId === r.session.id);
    const hostList = hosts.filter((h) => h.sessionId === r.session.id).map((h) => ({ id: h.id, name: h.name }));
    return {
      session: r.session,
      company: r.company?.id ? r.company : null,
      hosts: hostList,
      mine: m ? { status: m.status as 'registered' | 'waitlisted', position: m.status === 'waitlisted' ? m.position : null } : null,
      isHost: !!viewerId && hostList.some((h) => h.id === viewerId),
    };
  });
}

// Every session list (the lobby on each request) reads these: built once (db/hot-read.ts), the
// sessions' ids one array parameter.
const hostsQuery = hotRead((db) =>
  db
    .select({ sessionId: sessionHosts.sessionId, id: users.id, name: displayName() })
    .from(sessionHosts)
    .innerJoin(users, eq(users.id, sessionHosts.userId))
    .where(sql`${sessionHosts.sessionId} = any(${sql.placeholder('ids')})`)
    .orderBy(asc(users.name))
    .prepare('session_hosts_of'),
);
const signUpsQuery = hotRead((db) =>
  db
    .select({
      sessionId: sessionRegistrations.sessionId,
      status: sessionRegistrations.status,
      // The place in the queue, derived from the order of joining it.
      // The outer row's columns are named with the table: a bare "session_id" would be w's.
      position: sql<number>`(select count(*) from ${sessionRegistrations} w
        where w.session_id = ${sessionRegistrations}.session_id and w.status = 'waitlisted'
          and w.queued_seq <= ${sessionRegistrations}.queued_seq)`.mapWith(Number),
    })
    .from(sessionRegistrations)
    .where(
      and(
        sql`${sessionRegistrations.sessionId} = any(${sql.placeholder('ids')})`,
        eq(sessionRegistrations.userId, sql.placeholder('viewer')),
        inArray(sessionRegistrations.status, ['registered', 'waitlisted']),
      ),
    )
    .prepare('session_sign_ups_of'),
);

/** The Programme tab: the event's sessions (cancelled ones too, marked), filtered. */
export async function listProgramme(db: DbOrTx, eventId: string, viewerId: string | null, filter: TProgrammeFilter): Promise<TSessionCard[]> {
  const q = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return cards(
    db,
    and(
      eq(eventSessions.eventId, eventId),
      filter.kind ? eq(eventSessions.kind, filter.kind) : undefined,
      filter.company ? eq(companies.slug, filter.company) : undefined,
      q ? or(ilike(eventSessions.title, q), ilike(eventSessions.description, q), ilike(companies.name, q)) : undefined,
    ),
    viewerId,
  );
}

/** One session as a card (its page). */
export async function sessionCard(db: DbOrTx, sessionId: string, viewerId: string | null): Promise<TSessionCard | undefined> {
  const [card] = await cards(db, eq(eventSessions.id, sessionId), viewerId, 1);
  return card;
}

/** A company's sessions in an event, for its profile. */
export async function companySessions(db: DbOrTx, eventId: string, companyId: string, viewerId: string | null): Promise<TSessionCard[]> {
  return cards(db, and(eq(eventSessions.eventId, eventId), eq(eventSessions.companyId, companyId), isNull(eventSessions.cancelledAt)), viewerId);
}

/** The Lobby's "on now" (started, not ended) and "next" (the next three to start). */
export async function onNowAndNext(db: DbOrTx, eventId: string, viewerId: string | null, now = new Date()) {
  const args = { event: eventId, now: now.toISOString() };
  const [onNowRows, nextRows] = await Promise.all([onNowQuery(db, args), nextQuery(db, args)]);
  // Hosts and the viewer's sign-ups of both lists in one pair of queries.
  const all = await withHostsAndSignUps(db, [...onNowRows, ...nextRows], viewerId);
  return { onNow: all.slice(0, onNowRows.length), next: all.slice(onNowRows.length) };
}

// The lobby reads both on every request: built once (db/hot-read.ts).
const live = () => and(eq(eventSessions.eventId, sql.placeholder('event')), isNull(eventSessions.cancelledAt));
const onNowQuery = hotRead((db) =>
  sessionRows(db, and(live(), sql`${eventSessions.startsAt} <= ${sql.placeholder('now')}`, sql`${eventSessions.endsAt} > ${sql.placeholder('now')}`), 6).prepare('sessions_on_now'),
);
const nextQuery = hotRead((db) => sessionRows(db, and(live(), sql`${eventSessions.startsAt} > ${sql.placeholder('now')}`), 3).prepare('sessions_next'));

/** Sessions a person hosts or holds a seat (or waitlist place) in, for My Schedule. */
export async function mySessions(db: DbOrTx, eventId: string, userId: string): Promise<TSessionCard[]> {
  const mine = or(
    inArray(eventSessions.id, db.select({ id: sessionHosts.sessionId }).from(sessionHosts).where(eq(sessionHosts.userId, userId))),
    inArray(
      eventSessions.id,
      db
        .select({ id: sessionRegistrations.sessionId })
        .from(sessionRegistrations)
        .where(and(eq(sessionRegistrations.userId, userId), inArray(sessionRegistrations.status, ['registered', 'waitlisted']))),
    ),
  );
  return cards(db, and(eq(eventSessions.eventId, eventId), isNull(eventSessions.cancelledAt), mine), userId);
}
