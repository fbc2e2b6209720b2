import 'server-only';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { deliverLater } from '@/lib/mail/deliver-mail';
import { inTx } from '@/lib/tx/in-tx';
import { parseInput } from '@/lib/validation';
import { announceChat } from './announce';
import { freeSlots } from './free-slots';
import { loadChat, recruiterMembership, sideInChat, type TChat } from './permissions';
import { ZChatIdInput, ZDeclineInput } from './schemas';
import { moveChat } from './transitions';

/** The side that answers a pending request: the recruiter's for a talent's request, the talent for a recruiter's. */
async function assertReceiver(db: Db, actor: TActor, chat: TChat): Promise<void> {
  const side = await sideInChat(db, actor, chat);
  const ok = chat.initiatedBy === 'talent' ? side === 'recruiter' || side === 'company' : side === 'talent';
  if (!ok) throw new AppError(side === 'none' ? 'not_found' : 'forbidden', side === 'none' ? 'This 1-1 chat does not exist.' : 'Only the person asked can answer this request.');
}

/** The recruiter approves a talent's request: "in scheduling" until the talent picks a time. */
export async function acceptRequest(db: Db, actor: TActor | null, input: unknown, now = new Date()): Promise<{ noFreeSlots: boolean }> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { chatId } = parseInput(ZChatIdInput, input);
  const chat = await loadChat(db, chatId);
  await assertReceiver(db, actor, chat);
  if (chat.initiatedBy !== 'talent') throw new AppError('not_allowed_now', 'The talent answers this request by picking a time.');
  await inTx(db, async (tx, work) => {
    await moveChat(tx, chatId, ['pending'], { status: 'accepted' });
    deliverLater(work, await announceChat(tx, chatId, 'accepted', actor.id));
  });
  // Approving is allowed without free slots, but the recruiter should know the talent cannot pick yet.
  return { noFreeSlots: (await freeSlots(db, chat.eventId, chat.recruiterId, now)).length === 0 };
}

export async function declineRequest(db: Db, actor: TActor | null, input: unknown): Promise<Record<string, never>> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const data = parseInput(ZDeclineInput, input);
  const chat = await loadChat(db, data.chatId);
  await assertReceiver(db, actor, chat);
  if (data.suggestedRecruiterId) {
    const suggested = await recruiterMembership(db, data.suggestedRecruiterId, chat.eventId);
    if (suggested?.companyId !== chat.companyId || data.suggestedRecruiterId === chat.recruiterId) {
      throw new AppError('invalid_input', 'Suggest a colleague from the same company.', { suggestedRecruiterId: 'Pick a colleague' });
    }
  }
  await inTx(db, async (tx, work) => {
    // A declined request keeps its credit spent: the rule is stated where talents send requests.
    await moveChat(tx, data.chatId, ['pending'], { status: 'declined', declineMessage: data.message, suggestedRecruiterId: data.suggestedRecruiterId ?? null });
    deliverLater(work, await announceChat(tx, data.chatId, 'declined', actor.id));
  });
  return {};
}
