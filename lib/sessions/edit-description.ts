import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { eventSessions } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { parseInput } from '@/lib/validation';
import { isModerator, requireSessionRole } from './permissions';
import { ZDescriptionInput } from './schemas';

/** A host (or an organizer) rewrites the session's description. */
export async function editDescription(db: Db, actor: TActor | null, input: unknown): Promise<{ sessionId: string }> {
  const data = parseInput(ZDescriptionInput, input);
  const { session, role } = await requireSessionRole(db, actor, data.sessionId);
  if (!isModerator(role)) throw new AppError('forbidden', 'Only the hosts of this session can edit its description.');
  if (session.cancelledAt) throw new AppError('not_allowed_now', 'This session was cancelled; it can no longer be edited.');
  await db.transaction(async (tx) => {
    await tx.update(eventSessions).set({ description: data.description, updatedAt: new Date() }).where(eq(eventSessions.id, session.id));
    await publishHint(tx, topics.session(session.id), { session: session.id });
  });
  return { sessionId: session.id };
}
