import 'server-only';
import { and, asc, count, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { hotRead } from '@/db/hot-read';
import { eventDays, events, registrations } from '@/db/schema';
import type { TActor } from './permissions';

export type TEvent = typeof events.$inferSelect;
export type TEventDay = typeof eventDays.$inferSelect;

/** Events on the landing page: public ones, plus drafts the actor organizes or is invited to. */
export async function listVisibleEvents(db: DbOrTx, actor: TActor | null): Promise<TEvent[]> {
  const publicOnly = ne(events.status, 'draft');
  let where = publicOnly;
  if (actor?.isAdmin) where = undefined as never;
  else if (actor) {
    // Any registration: an invited recruiter prepares a draft event just as its organizer does.
    const organized = db.select({ id: registrations.eventId }).from(registrations).where(eq(registrations.userId, actor.id));
    where = or(publicOnly, inArray(events.id, organized))!;
  }
  return db.select().from(events).where(where).orderBy(desc(events.createdAt));
}

// Event pages read these on every request: built once (db/hot-read.ts).
const daysQuery = hotRead((db) => db.select().from(eventDays).where(eq(eventDays.eventId, sql.placeholder('event'))).orderBy(asc(eventDays.date)).prepare('event_days'));
const talentCountQuery = hotRead((db) =>
  db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, sql.placeholder('event')), eq(registrations.role, 'talent')))
    .prepare('talent_count'),
);

export async function listEventDays(db: DbOrTx, eventId: string): Promise<TEventDay[]> {
  return daysQuery(db, { event: eventId });
}

export async function countTalents(db: DbOrTx, eventId: string): Promise<number> {
  const [row] = await talentCountQuery(db, { event: eventId });
  return row?.n ?? 0;
}
