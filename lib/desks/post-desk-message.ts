import 'server-only';
import type { Db, Tx } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { accessTo, requirePermission } from '@/lib/resources';
import { appendMessage } from '@/lib/threads';
import { inTx } from '@/lib/tx/in-tx';
import { parseInput } from '@/lib/validation';
import { z } from 'zod';
import { announceDeskChange } from './hints';
import { lockConversation } from './queries';
import { lockDesk } from './queue';
import { reopenConversation } from './reopen-conversation';
import type { TConversationCtx } from './resource';

const ZDeskMessageInput = z.object({
  conversationId: z.uuid('Unknown desk conversation'),
  body: z.string().trim().min(1, 'Write a message first').max(2000, 'Keep a message under 2000 characters'),
});

/**
 * Writes into a desk conversation inside `tx` (desk lock held): a participant writing into a
 * closed conversation re-opens it (back through the queue if every place is taken); moderators
 * hear of participants' messages so the conversation is highlighted for them.
 */
export async function appendDeskMessage(
  tx: Tx,
  access: { id: string; role: string; ctx: TConversationCtx },
  message: { authorId: string; body: string; attachmentId?: string | null },
) {
  const conv = await lockConversation(tx, access.id);
  if (conv.status === 'hard_closed') throw new AppError('not_allowed_now', 'The desk ended this conversation. Open the desk again to join its queue.');
  if (access.role === 'participant' && conv.status === 'closed') await reopenConversation(tx, conv);
  if (access.role === 'moderator' && conv.status !== 'open') throw new AppError('not_allowed_now', 'This conversation is not open. The participant re-opens it by writing.');
  const posted = await appendMessage(tx, { kind: 'desk_conversation', ownerId: conv.id, eventId: access.ctx.eventId }, message);
  if (access.role === 'participant') await announceDeskChange(tx, conv.deskId, [conv], false);
  return posted;
}

export async function postDeskMessage(db: Db, actor: TActor | null, input: unknown): Promise<{ id: string; seq: number }> {
  const { conversationId, body } = parseInput(ZDeskMessageInput, input);
  const access = await accessTo(db, actor, 'desk_conversation', conversationId);
  requirePermission(access, 'thread.post', 'Only the participant and the desk’s moderators can write here.');
  const ctx = access.ctx as TConversationCtx;
  return inTx(db, async (tx) => {
    await lockDesk(tx, ctx.deskId);
    const { id, seq } = await appendDeskMessage(tx, { id: access.id, role: access.role, ctx }, { authorId: actor!.id, body });
    return { id, seq };
  });
}
