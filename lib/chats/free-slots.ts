import 'server-only';
import { and, asc, count, eq, getTableColumns, gt, not, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { hotRead } from '@/db/hot-read';
import { availability, slots } from '@/db/schema';
import { heldSlot } from './queries';

/** A recruiter's slots that have not started and hold no live chat, with how each takes place. */
export async function freeSlots(db: DbOrTx, eventId: string, recruiterId: string, now: Date) {
  return db
    .select({ ...getTableColumns(slots), mode: availability.mode })
    .from(slots)
    .leftJoin(availability, and(eq(availability.eventDayId, slots.eventDayId), eq(availability.recruiterId, slots.recruiterId)))
    .where(
      and(
        eq(slots.eventId, eventId),
        eq(slots.recruiterId, recruiterId),
        gt(slots.startsAt, now),
        not(heldSlot(slots.id)),
      ),
    )
    .orderBy(asc(slots.startsAt));
}

/**
 * The free slots of several recruiters in one query (the talent page shows every open
 * recruiter's): one round trip instead of one per recruiter.
 */
export async function freeSlotsOf(db: DbOrTx, eventId: string, recruiterIds: string[], now: Date) {
  const by = new Map<string, Awaited<ReturnType<typeof freeSlots>>>(recruiterIds.map((id) => [id, []]));
  if (recruiterIds.length === 0) return by;
  const rows = await freeSlotsOfQuery(db, { event: eventId, ids: recruiterIds, now: now.toISOString() });
  for (const r of rows) by.get(r.recruiterId)?.push(r);
  return by;
}

/** How many free slots each of these recruiters has (the same slots as freeSlotsOf), in one query. */
export async function freeSlotCounts(db: DbOrTx, eventId: string, recruiterIds: string[], now: Date): Promise<Map<string, number>> {
  const by = new Map<string, number>(recruiterIds.map((id) => [id, 0]));
  if (recruiterIds.length === 0) return by;
  const rows = await freeSlotCountsQuery(db, { event: eventId, ids: recruiterIds, now: now.toISOString() });
  for (const r of rows) by.set(r.recruiterId, Number(r.n));
  return by;
}

/** Which of these recruiters' slots are free: not started, holding no live chat. */
const freeOf = () =>
  and(
    eq(slots.eventId, sql.placeholder('event')),
    sql`${slots.recruiterId} = any(${sql.placeholder('ids')})`,
    sql`${slots.startsAt} > ${sql.placeholder('now')}`,
    not(heldSlot(slots.id)),
  );

// The talent's 1-1 chats page and its refetches read these on every request: built once (db/hot-read.ts).
const freeSlotsOfQuery = hotRead((db) =>
  db
    .select({ ...getTableColumns(slots), mode: availability.mode })
    .from(slots)
    .leftJoin(availability, and(eq(availability.eventDayId, slots.eventDayId), eq(availability.recruiterId, slots.recruiterId)))
    .where(freeOf())
    .orderBy(asc(slots.startsAt))
    .prepare('free_slots_of'),
);
const freeSlotCountsQuery = hotRead((db) => db.select({ recruiterId: slots.recruiterId, n: count() }).from(slots).where(freeOf()).groupBy(slots.recruiterId).prepare('free_slot_counts'));
