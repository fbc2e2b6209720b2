import 'server-only';
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { decideStage, goOnStage, leaveStage, requestStage, withdrawStage } from './stage';

export const ZStageAction = z.object({ action: z.enum(['request', 'withdraw', 'ready', 'leave'], { message: 'Unknown stage action' }) });

/**
 * A participant's own stage step. Its LiveKit side (publish granted or revoked) is synced right
 * after the commit, before this answers, so the browser publishes only once the server allows it.
 */
export async function stageAction(db: Db, actor: TActor | null, sessionId: unknown, input: unknown): Promise<{ action: string }> {
  const { action } = parseInput(ZStageAction, input);
  if (action === 'request') await requestStage(db, actor, sessionId);
  else await { withdraw: withdrawStage, ready: goOnStage, leave: leaveStage }[action](db, actor, sessionId);
  return { action };
}

/** A host's decision (moving someone back revokes their publish, synced the same way). */
export async function hostStageDecision(db: Db, actor: TActor | null, requestId: unknown, input: unknown): Promise<{ requestId: unknown }> {
  const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  await decideStage(db, actor, { ...body, requestId });
  return { requestId };
}
