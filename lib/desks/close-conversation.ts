import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { conversations } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { inDeskTx } from './desk-tx';
import { conversationGone } from './errors';
import { announceDeskChange } from './hints';
import { conversationRoleOf } from './permissions';
import { deskIdOf, lockConversation, type TConversation } from './queries';
import { admitWaiting, lockDesk } from './queue';
import { ZCloseInput, ZConversationId } from './schemas';

/**
 * Ends a conversation (call with the desk lock held) and, when that frees its moderator's
 * place, admits the next queued person in the same transaction.
 */
async function endConversation(tx: Tx, conv: TConversation, to: 'closed' | 'hard_closed'): Promise<void> {
  const [ended] = await tx
    .update(conversations)
    .set({ status: to, closedAt: sql`clock_timestamp()` })
    .where(eq(conversations.id, conv.id))
    .returning();
  const admitted = conv.status === 'open' ? await admitWaiting(tx, conv.deskId, { prefer: conv.assignedTo ?? undefined }) : [];
  const changed = [ended!, ...admitted.map((a) => ({ id: a.id, deskId: conv.deskId, confidential: false, assignedTo: a.assignedTo }))];
  await announceDeskChange(tx, conv.deskId, changed, conv.status === 'queued' || admitted.length > 0);
}

/**
 * A moderator closes a conversation (it leaves every moderator's list and re-opens when the
 * participant writes again) or hard-closes it (the visit is over: re-entering queues anew).
 */
export async function closeConversation(db: Db, actor: TActor | null, input: unknown): Promise<void> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { conversationId, hard } = parseInput(ZCloseInput, input);
  const deskId = await deskIdOf(db, conversationId);
  await inDeskTx(db, async (tx) => {
    await lockDesk(tx, deskId);
    if ((await conversationRoleOf(tx, actor.id, conversationId)) !== 'moderator') throw conversationGone();
    const conv = await lockConversation(tx, conversationId);
    const allowed = hard ? ['queued', 'open', 'closed'] : ['open'];
    if (!allowed.includes(conv.status)) throw new AppError('not_allowed_now', hard ? 'This conversation is already over.' : 'This conversation is not open any more. Reload to see where it stands.');
    await endConversation(tx, conv, hard ? 'hard_closed' : 'closed');
  });
}

/** The participant leaves: out of the queue, or the conversation closes (writing re-opens it). */
export async function leaveConversation(db: Db, actor: TActor | null, input: unknown): Promise<void> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { conversationId } = parseInput(ZConversationId, input);
  const deskId = await deskIdOf(db, conversationId);
  await inDeskTx(db, async (tx) => {
    await lockDesk(tx, deskId);
    if ((await conversationRoleOf(tx, actor.id, conversationId)) !== 'participant') throw conversationGone();
    const conv = await lockConversation(tx, conversationId);
    if (conv.status !== 'queued' && conv.status !== 'open') return; // already left: nothing to do
    await endConversation(tx, conv, 'closed');
  });
}
