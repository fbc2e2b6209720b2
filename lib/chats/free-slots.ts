import { and, asc, eq, getTableColumns, gt, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { availability, chatRequests, slots } from '@/db/schema';

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
        notExists(
          db
            .select({ one: sql`1` })
            .from(chatRequests)
            .where(and(eq(chatRequests.slotId, slots.id), eq(chatRequests.status, 'confirmed'))),
        ),
      ),
    )
    .orderBy(asc(slots.startsAt));
}
