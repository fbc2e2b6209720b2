import 'server-only';
import { and, asc, count, eq, getTableColumns, gt, inArray, not } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
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

/** Which of these recruiters' slots are free: not started, holding no live chat. */
const freeOf = (eventId: string, recruiterIds: string[], now: Date) =>
  and(eq(slots.eventId, eventId), inArray(slots.recruiterId, recruiterIds), gt(slots.startsAt, now), not(heldSlot(slots.id)));

/**
 * The free slots of several recruiters in one query (the talent page shows every open
 * recruiter's): one round trip instead of one per recruiter.
 */
export async function freeSlotsOf(db: DbOrTx, eventId: string, recruiterIds: string[], now: Date) {
  const by = new Map<string, Awaited<ReturnType<typeof freeSlots>>>(recruiterIds.map((id) => [id, []]));
  if (recruiterIds.length === 0) return by;
  const rows = await db
    .select({ ...getTableColumns(slots), mode: availability.mode })
    .from(slots)
    .leftJoin(availability, and(eq(availability.eventDayId, slots.eventDayId), eq(availability.recruiterId, slots.recruiterId)))
    .where(freeOf(eventId, recruiterIds, now))
    .orderBy(asc(slots.startsAt));
  for (const r of rows) by.get(r.recruiterId)?.push(r);
  return by;
}

/** How many free slots each of these recruiters has (the same slots as freeSlotsOf), in one query. */
export async function freeSlotCounts(db: DbOrTx, eventId: string, recruiterIds: string[], now: Date): Promise<Map<string, number>> {
  const by = new Map<string, number>(recruiterIds.map((id) => [id, 0]));
  if (recruiterIds.length === 0) return by;
  const rows = await db.select({ recruiterId: slots.recruiterId, n: count() }).from(slots).where(freeOf(eventId, recruiterIds, now)).groupBy(slots.recruiterId);
  for (const r of rows) by.set(r.recruiterId, Number(r.n));
  return by;
}
