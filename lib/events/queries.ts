import 'server-only';
import { and, asc, count, desc, eq, inArray, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
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

export async function getEventBySlug(db: DbOrTx, slug: string): Promise<TEvent | undefined> {
  const [event] = await db.select().from(events).where(eq(events.slug, slug));
  return event;
}

export async function listEventDays(db: DbOrTx, eventId: string): Promise<TEventDay[]> {
  return db.select().from(eventDays).where(eq(eventDays.eventId, eventId)).orderBy(asc(eventDays.date));
}

export async function countTalents(db: DbOrTx, eventId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.role, 'talent')));
  return row?.n ?? 0;
}
