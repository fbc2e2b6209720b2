import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { chatRequests, slots } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { assertMayInitiate, loadEvent, loadFutureSlot, openSettings } from './chat-rules';
import { inChatTx } from './chat-tx';
import { spendCredit } from './credits';
import { announceChat } from './announce';
import { recruiterMembership, requireTalent } from './permissions';
import { ZBookDirectInput } from './schemas';

/** A talent books a Direct Booking recruiter's free slot: confirmed at once, one credit spent. */
export async function bookDirect(db: Db, actor: TActor | null, input: unknown, now = new Date()): Promise<{ chatId: string }> {
  const data = parseInput(ZBookDirectInput, input);
  const [found] = await db.select().from(slots).where(eq(slots.id, data.slotId));
  if (!found) throw new AppError('not_found', 'That slot does not exist any more — pick another.');
  const event = await loadEvent(db, found.eventId);
  await requireTalent(db, actor, event.id);
  assertMayInitiate(event, 'talent');
  const settings = await openSettings(db, event.id, found.recruiterId);
  if (settings.bookingMode !== 'direct') throw new AppError('not_allowed_now', 'This recruiter approves requests first — send a request instead.');
  const slot = await loadFutureSlot(db, data.slotId, found.recruiterId, now);
  const company = await recruiterMembership(db, slot.recruiterId, event.id);
  if (!company) throw new AppError('not_allowed_now', 'This recruiter is no longer part of the event.');

  const chatId = await inChatTx(db, async (tx, mails) => {
      const [chat] = await tx
        .insert(chatRequests)
        .values({
          eventId: event.id,
          companyId: company.companyId,
          talentId: actor!.id,
          recruiterId: slot.recruiterId,
          initiatedBy: 'talent',
          sentBy: actor!.id,
          answer: data.answer,
          status: 'confirmed',
          slotId: slot.id,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
        })
        .returning({ id: chatRequests.id });
      await spendCredit(tx, { eventId: event.id, userId: actor!.id, kind: 'talent', requestId: chat!.id, reason: 'direct booking' });
      mails.push(...(await announceChat(tx, chat!.id, 'confirmed')));
      return chat!.id;
  });
  return { chatId };
}
