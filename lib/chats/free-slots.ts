import { and, asc, eq, gt, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { chatRequests, slots } from '@/db/schema';

/** A recruiter's slots that have not started and hold no live chat. */
export async function freeSlots(db: DbOrTx, eventId: string, recruiterId: string, now: Date) {
  return db
    .select()
    .from(slots)
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
