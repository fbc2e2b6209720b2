import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { chatRequests } from '@/db/schema';
import { AppError } from '@/lib/errors';

type TStatus = (typeof chatRequests.$inferSelect)['status'];

/**
 * Compare-and-set on the status: the update happens only if the chat is still in one of the
 * expected states. Zero rows means someone else moved it first.
 */
export async function moveChat(
  tx: Tx,
  chatId: string,
  from: TStatus[],
  set: Partial<typeof chatRequests.$inferInsert>,
  bumpSequence = false,
): Promise<typeof chatRequests.$inferSelect> {
  const [row] = await tx
    .update(chatRequests)
    .set({ ...set, updatedAt: new Date(), ...(bumpSequence ? { icsSequence: sql`${chatRequests.icsSequence} + 1` } : {}) })
    .where(and(eq(chatRequests.id, chatId), inArray(chatRequests.status, from)))
    .returning();
  if (!row) throw new AppError('not_allowed_now', 'This 1-1 chat changed in the meantime. Reload to see where it stands now.');
  return row;
}
