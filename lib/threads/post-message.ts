import 'server-only';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { accessTo, requirePermission } from '@/lib/resources';
import { inTx } from '@/lib/tx/in-tx';
import { parseInput } from '@/lib/validation';
import { appendMessage } from './queries';
import { ZPostMessageInput } from './schemas';

/** Someone writes in a resource's conversation (a 1-1 chat's call, a session…); everyone
 * following its thread topic is hinted to fetch after their cursor. */
export async function postMessage(db: Db, actor: TActor | null, input: unknown): Promise<{ id: string; seq: number }> {
  const data = parseInput(ZPostMessageInput, input);
  const access = await accessTo(db, actor, data.kind, data.ownerId);
  requirePermission(access, 'thread.post', `Only the people in this ${access.resource.label} can write here.`);
  const closed = access.resource.threadClosed?.(access.ctx);
  if (closed) throw new AppError('not_allowed_now', closed);
  const owner = { kind: access.kind, ownerId: access.id, eventId: access.eventId };
  const { id, seq } = await inTx(db, (tx) => appendMessage(tx, owner, { authorId: actor!.id, body: data.body }));
  return { id, seq };
}
