import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { stageRequests } from '@/db/schema';
import { AppError } from '@/lib/errors';

export type TStageStatus = (typeof stageRequests.$inferSelect)['status'];
export type TStageRequest = typeof stageRequests.$inferSelect;

/**
 * Compare-and-set on a stage request's status (the trigger in migration 0007 allows only the
 * state machine's moves). Zero rows: someone else moved it first — `lost` says what to tell.
 */
export async function moveStageRequest(
  tx: DbOrTx,
  where: { id: string } | { sessionId: string; userId: string },
  from: TStageStatus[],
  set: Partial<typeof stageRequests.$inferInsert> & { status: TStageStatus },
  lost: string,
): Promise<TStageRequest> {
  const match = 'id' in where ? eq(stageRequests.id, where.id) : and(eq(stageRequests.sessionId, where.sessionId), eq(stageRequests.userId, where.userId));
  const [row] = await tx
    .update(stageRequests)
    .set(set)
    .where(and(match, inArray(stageRequests.status, from)))
    .returning();
  if (!row) throw new AppError('not_allowed_now', lost);
  return row;
}
