import { and, asc, eq, getTableColumns, gt, not } from 'drizzle-orm';
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
