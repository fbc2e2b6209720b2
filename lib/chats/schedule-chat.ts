import 'server-only';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { deliverLater } from '@/lib/mail/deliver-mail';
import { inTx } from '@/lib/tx/in-tx';
import { parseInput } from '@/lib/validation';
import { closeRoomLater } from '@/lib/jobs/video-jobs';
import { roomName } from '@/lib/resources/rooms';
import { announceChat } from './announce';
import { assertNotStarted, inTalentWords, loadFutureSlot, refundsTalentOnCancel } from './chat-rules';
import { refundCredit } from './credits';
import { freeSlots } from './free-slots';
import { loadChat, sideInChat } from './permissions';
import { ZCancelInput, ZPickSlotInput } from './schemas';
import { remindLater } from './remind-later';
import { moveChat } from './transitions';

/**
 * The talent picks a time: an accepted request of theirs, or a recruiter's pending invitation.
 * The slot's uniqueness and the talent's no-overlap rule are checked by the database on update.
 */
export async function pickSlot(db: Db, actor: TActor | null, input: unknown, now = new Date()): Promise<Record<string, never>> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const data = parseInput(ZPickSlotInput, input);
  const chat = await loadChat(db, data.chatId);
  const side = await sideInChat(db, actor, chat);
  if (side !== 'talent') throw new AppError(side === 'none' ? 'not_found' : 'forbidden', side === 'none' ? 'This 1-1 chat does not exist.' : 'The talent picks the time.');
  const from = chat.initiatedBy === 'talent' ? (['accepted'] as const) : (['pending'] as const);
  const slot = await loadFutureSlot(db, data.slotId, chat.recruiterId, now);
  await inTx(db, async (tx, work) => {
    await moveChat(tx, chat.id, [...from], { status: 'confirmed', slotId: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt });
    deliverLater(work, await announceChat(tx, chat.id, 'confirmed', actor.id));
    remindLater(work, { id: chat.id, startsAt: slot.startsAt }, now);
  }).catch(inTalentWords);
  return {};
}

/** Either side moves a confirmed chat to another free slot of the same recruiter. */
export async function rescheduleChat(db: Db, actor: TActor | null, input: unknown, now = new Date()): Promise<Record<string, never>> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const data = parseInput(ZPickSlotInput, input);
  const chat = await loadChat(db, data.chatId);
  const side = await sideInChat(db, actor, chat);
  if (side === 'none') throw new AppError('not_found', 'This 1-1 chat does not exist.');
  assertNotStarted(chat, now);
  const slot = await loadFutureSlot(db, data.slotId, chat.recruiterId, now);
  if (slot.id === chat.slotId) throw new AppError('invalid_input', 'Pick a different time.', { slotId: 'This is the current time' });
  await inTx(db, async (tx, work) => {
    await moveChat(tx, chat.id, ['confirmed'], { slotId: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt }, true);
    deliverLater(work, await announceChat(tx, chat.id, 'rescheduled', actor.id));
    // The old reminder finds the chat moved and sends nothing; this one is for the new time.
    remindLater(work, { id: chat.id, startsAt: slot.startsAt }, now);
  }).catch((err: unknown) => (side === 'talent' ? inTalentWords(err) : Promise.reject(err)));
  return {};
}

/**
 * Either side cancels an accepted or confirmed chat with a reason; its slot is free again at once.
 * When the recruiter's side cancels a talent's request, the talent's credit comes back; so it
 * does when the talent cancels an approved request while the recruiter has no free slot (it
 * never had a time to pick — the rule is stated where talents send requests).
 * A chat that has started can no longer be cancelled.
 */
export async function cancelChat(db: Db, actor: TActor | null, input: unknown, now = new Date()): Promise<{ refunded: boolean }> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const data = parseInput(ZCancelInput, input);
  const chat = await loadChat(db, data.chatId);
  const side = await sideInChat(db, actor, chat);
  if (side === 'none') throw new AppError('not_found', 'This 1-1 chat does not exist.');
  assertNotStarted(chat, now);
  return inTx(db, async (tx, work) => {
    await moveChat(tx, chat.id, ['accepted', 'confirmed'], { status: 'cancelled', slotId: null, cancelReason: data.reason, cancelledBy: actor.id }, true);
    const byRecruiter = refundsTalentOnCancel(chat, side === 'talent');
    const neverHadATime = !byRecruiter && chat.initiatedBy === 'talent' && chat.status === 'accepted' && (await freeSlots(tx, chat.eventId, chat.recruiterId, now)).length === 0;
    if (byRecruiter || neverHadATime) {
      await refundCredit(tx, { eventId: chat.eventId, userId: chat.talentId, kind: 'talent', requestId: chat.id, reason: byRecruiter ? 'cancelled by recruiter' : 'no free slot' });
    }
    deliverLater(work, await announceChat(tx, chat.id, 'cancelled', actor.id));
    // Anyone already in the call is disconnected; a confirmed chat is the only kind with a call.
    if (chat.status === 'confirmed') closeRoomLater(work, roomName('chat', chat.id));
    return { refunded: byRecruiter || neverHadATime };
  });
}
