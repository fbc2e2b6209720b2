import type { Db } from '@/db/client';
import { chatRequests } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { announceChat } from './announce';
import { loadBookingContext } from './booking-context';
import { assertMayInitiate } from './chat-rules';
import { inChatTx } from './chat-tx';
import { spendCredit } from './credits';
import { ZBookDirectInput } from './schemas';

/** A talent books a Direct Booking recruiter's free slot: confirmed at once, one credit spent. */
export async function bookDirect(db: Db, actor: TActor | null, input: unknown, now = new Date()): Promise<{ chatId: string }> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const data = parseInput(ZBookDirectInput, input);
  const ctx = await loadBookingContext(db, data.slotId, actor.id);
  if (!ctx) throw new AppError('not_found', 'That slot does not exist any more — pick another.');
  const { slot, event } = ctx;
  if (!ctx.talentRegistered) throw new AppError('forbidden', 'Register for this event as a talent first.');
  assertMayInitiate(event, 'talent');
  if (!ctx.confirmedAt) throw new AppError('not_allowed_now', 'This recruiter is not taking 1-1 chats right now.');
  if (ctx.bookingMode !== 'direct') throw new AppError('not_allowed_now', 'This recruiter approves requests first — send a request instead.');
  if (!ctx.companyId) throw new AppError('not_allowed_now', 'This recruiter is no longer part of the event.');
  if (slot.startsAt.getTime() <= now.getTime()) throw new AppError('not_allowed_now', 'That slot has already started — pick a later one.');

  const chatId = await inChatTx(db, async (tx, mails) => {
    // The slot's one-live-chat index and the talent's no-overlap constraint decide races here.
    const [chat] = await tx
      .insert(chatRequests)
      .values({
        eventId: event.id,
        companyId: ctx.companyId!,
        talentId: actor.id,
        recruiterId: slot.recruiterId,
        initiatedBy: 'talent',
        sentBy: actor.id,
        answer: data.answer,
        status: 'confirmed',
        slotId: slot.id,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
      })
      .returning({ id: chatRequests.id });
    await spendCredit(tx, { eventId: event.id, userId: actor.id, kind: 'talent', requestId: chat!.id, reason: 'direct booking', granted: event.talentRequestCredits });
    mails.push(...(await announceChat(tx, chat!.id, 'confirmed')));
    return chat!.id;
  });
  return { chatId };
}
