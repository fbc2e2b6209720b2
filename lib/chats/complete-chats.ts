import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { chatRequests } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';

/** Confirmed chats whose time is over become completed (run by a job, and idempotent). */
export async function completeChats(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const done = await tx
      .update(chatRequests)
      .set({ status: 'completed', updatedAt: now })
      .where(and(eq(chatRequests.status, 'confirmed'), lte(chatRequests.endsAt, now)))
      .returning({ id: chatRequests.id, eventId: chatRequests.eventId, talentId: chatRequests.talentId, recruiterId: chatRequests.recruiterId });
    for (const c of done) {
      await publishHint(tx, topics.user(c.talentId), { chat: c.id });
      await publishHint(tx, topics.user(c.recruiterId), { chat: c.id });
    }
    for (const eventId of new Set(done.map((c) => c.eventId))) await publishHint(tx, topics.event(eventId), { completed: 1 });
    return done.length;
  });
}
