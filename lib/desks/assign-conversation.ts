import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { conversations } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { inDeskTx } from './desk-tx';
import { conversationGone } from './errors';
import { announceDeskChange } from './hints';
import { conversationRoleOf } from './permissions';
import { deskIdOf, lockConversation } from './queries';
import { admitWaiting, lockDesk } from './queue';
import { ZConfidentialInput, ZConversationId } from './schemas';

/**
 * "Assign to me": the moderator takes an open conversation over (their limit is checked by the
 * database); the place it leaves behind admits the next queued person.
 */
export async function assignToMe(db: Db, actor: TActor | null, input: unknown): Promise<void> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { conversationId } = parseInput(ZConversationId, input);
  const deskId = await deskIdOf(db, conversationId);
  await inDeskTx(db, async (tx) => {
    await lockDesk(tx, deskId);
    if ((await conversationRoleOf(tx, actor.id, conversationId)) !== 'moderator') throw conversationGone();
    const conv = await lockConversation(tx, conversationId);
    if (conv.status !== 'open') throw new AppError('not_allowed_now', 'Only open conversations can be assigned. Reload to see where this one stands.');
    if (conv.assignedTo === actor.id) return;
    await tx.update(conversations).set({ assignedTo: actor.id }).where(eq(conversations.id, conv.id));
    const admitted = await admitWaiting(tx, deskId, { prefer: conv.assignedTo ?? undefined });
    await announceDeskChange(
      tx,
      deskId,
      [{ ...conv, assignedTo: actor.id, recheck: true }, ...admitted.map((a) => ({ id: a.id, deskId, confidential: false, assignedTo: a.assignedTo }))],
      admitted.length > 0,
    );
  });
}

/**
 * "Confidential": locks the conversation to the moderator who sets it (taking it over if need
 * be). From then on only they see it, in every list, topic, report and export; only they can
 * lift it again.
 */
export async function setConfidential(db: Db, actor: TActor | null, input: unknown): Promise<void> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { conversationId, confidential } = parseInput(ZConfidentialInput, input);
  const deskId = await deskIdOf(db, conversationId);
  await inDeskTx(db, async (tx) => {
    await lockDesk(tx, deskId);
    if ((await conversationRoleOf(tx, actor.id, conversationId)) !== 'moderator') throw conversationGone();
    const conv = await lockConversation(tx, conversationId);
    if (conv.status === 'hard_closed') throw new AppError('not_allowed_now', 'This conversation is over.');
    if (conv.confidential === confidential) return;
    await tx.update(conversations).set({ confidential, assignedTo: actor.id }).where(eq(conversations.id, conv.id));
    const freed = conv.status === 'open' && conv.assignedTo !== actor.id;
    const admitted = freed ? await admitWaiting(tx, deskId, { prefer: conv.assignedTo ?? undefined }) : [];
    // Everyone who saw it hears it changed (their lists drop it); the id says nothing more.
    await announceDeskChange(
      tx,
      deskId,
      [{ ...conv, confidential: false, assignedTo: actor.id, recheck: confidential }, ...admitted.map((a) => ({ id: a.id, deskId, confidential: false, assignedTo: a.assignedTo }))],
      admitted.length > 0,
    );
  });
}
