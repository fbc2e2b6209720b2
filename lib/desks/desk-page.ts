import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { hotRead } from '@/db/hot-read';
import { companies, deskModerators, desks, events } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { canViewEvent, type TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { canManageDesk, isDeskModerator } from './permissions';
import { currentVisit, loadDesk } from './queries';
import { ZDeskId } from './schemas';

/** A desk's page: what anyone in the event may read, and the reader's current visit. */
export async function deskPage(db: DbOrTx, actor: TActor | null, input: unknown) {
  const { deskId } = parseInput(ZDeskId, input);
  const { desk, event } = await loadDesk(db, deskId);
  if (!(await canViewEvent(db, actor, event))) throw new AppError('not_found', 'This desk does not exist. Pick one from the event page.');
  const visit = actor ? await currentVisit(db, deskId, actor.id) : undefined;
  const moderates = actor ? await isDeskModerator(db, actor.id, deskId) : false;
  const manages = await canManageDesk(db, actor, desk);
  return { desk, event, conversationId: visit?.id ?? null, moderates, manages };
}

export type TDeskListItem = { id: string; name: string; description: string; companyName: string | null; opensAt: Date; closesAt: Date; moderating: boolean };

/** The event's desks for its lobby and its Desks & sessions page, soonest first; `moderating` marks the reader's. */
export async function listDesks(db: DbOrTx, actor: TActor | null, eventId: string, companyId?: string): Promise<TDeskListItem[]> {
  // Signed out, the user is '' — nobody's: no desk is theirs to moderate.
  const args = { event: eventId, user: actor?.id ?? '' };
  return companyId ? companyDesksQuery(db, { ...args, company: companyId }) : eventDesksQuery(db, args);
}

// The lobby and the desks page read the list on every request: built once per shape (db/hot-read.ts).
function desksQuery(db: DbOrTx, ofCompany: boolean) {
  return db
    .select({
      id: desks.id,
      name: desks.name,
      description: desks.description,
      companyName: companies.name,
      opensAt: desks.opensAt,
      closesAt: desks.closesAt,
      moderating: sql<boolean>`exists (select 1 from ${deskModerators} m where m.desk_id = ${desks.id} and m.user_id = ${sql.placeholder('user')})`,
    })
    .from(desks)
    .leftJoin(companies, eq(companies.id, desks.companyId))
    .where(and(eq(desks.eventId, sql.placeholder('event')), ofCompany ? eq(desks.companyId, sql.placeholder('company')) : undefined))
    .orderBy(asc(desks.opensAt), asc(desks.name));
}
const eventDesksQuery = hotRead((db) => desksQuery(db, false).prepare('event_desks'));
const companyDesksQuery = hotRead((db) => desksQuery(db, true).prepare('company_desks'));

/** The desks a person moderates in an event (All Conversations follows their topics). */
export async function moderatedDeskIds(db: DbOrTx, userId: string, eventId: string): Promise<string[]> {
  const rows = await db
    .select({ id: desks.id })
    .from(deskModerators)
    .innerJoin(desks, eq(desks.id, deskModerators.deskId))
    .where(and(eq(deskModerators.userId, userId), eq(desks.eventId, eventId)));
  return rows.map((r) => r.id);
}

/** Events where the person moderates a desk not over yet: their dashboard links All Conversations. */
export async function eventsWithMyDesks(db: DbOrTx, userId: string, now = new Date()): Promise<{ slug: string; name: string }[]> {
  return db
    .selectDistinct({ slug: events.slug, name: events.name })
    .from(deskModerators)
    .innerJoin(desks, eq(desks.id, deskModerators.deskId))
    .innerJoin(events, eq(events.id, desks.eventId))
    .where(and(eq(deskModerators.userId, userId), gt(desks.closesAt, now)))
    .orderBy(asc(events.name));
}
