import 'server-only';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { isModerator, mayEnter, requireSessionRole } from './permissions';

/**
 * Seats and the stage (`session`) may be followed by anyone of the event who can see the
 * session; its Q&A only by people who may be in the room.
 */
export async function canFollowSession(db: DbOrTx, actor: TActor, sessionId: string, kind: 'session' | 'session-qa'): Promise<boolean> {
  if (!z.uuid().safeParse(sessionId).success) return false;
  try {
    const { session, role } = await requireSessionRole(db, actor, sessionId);
    if (kind === 'session') return role !== null;
    return isModerator(role) || mayEnter(role, session);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return false;
    throw err;
  }
}
