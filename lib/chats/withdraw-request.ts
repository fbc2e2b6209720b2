import 'server-only';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { deliverLater } from '@/lib/mail/deliver-mail';
import { inTx } from '@/lib/tx/in-tx';
import { parseInput } from '@/lib/validation';
import { announceChat } from './announce';
import { refundCredit } from './credits';
import { loadChat, sideInChat } from './permissions';
import { ZChatIdInput } from './schemas';
import { moveChat } from './transitions';

/** The sending side takes back a pending request; its credit returns to whoever spent it. */
export async function withdrawRequest(db: Db, actor: TActor | null, input: unknown): Promise<Record<string, never>> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { chatId } = parseInput(ZChatIdInput, input);
  const chat = await loadChat(db, chatId);
  const side = await sideInChat(db, actor, chat);
  const isSender = chat.initiatedBy === 'talent' ? side === 'talent' : side === 'recruiter' || side === 'company';
  if (!isSender) throw new AppError(side === 'none' ? 'not_found' : 'forbidden', side === 'none' ? 'This 1-1 chat does not exist.' : 'Only the sender can withdraw a request.');
  await inTx(db, async (tx, work) => {
    await moveChat(tx, chatId, ['pending'], { status: 'withdrawn' });
    await refundCredit(tx, { eventId: chat.eventId, userId: chat.sentBy, kind: chat.initiatedBy, requestId: chatId, reason: 'withdrawn' });
    deliverLater(work, await announceChat(tx, chatId, 'withdrawn', actor.id));
  });
  return {};
}
