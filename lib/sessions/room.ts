import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { stageRequests } from '@/db/schema';

/** Whether an audience member is on screen now (their request went through the countdown). */
export async function isOnStage(db: DbOrTx, sessionId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: stageRequests.id })
    .from(stageRequests)
    .where(and(eq(stageRequests.sessionId, sessionId), eq(stageRequests.userId, userId), eq(stageRequests.status, 'ready')));
  return !!row;
}
