import 'server-only';
import type { Db } from '@/db/client';
import { chatRequests } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { deliverLater } from '@/lib/mail/deliver-mail';
import { inTx } from '@/lib/tx/in-tx';
import { parseInput } from '@/lib/validation';
import { announceChat } from './announce';
import { assertMayInitiate, assertNotSelf, loadEvent, openSettings } from './chat-rules';
import { spendCredit } from './credits';
import { recruiterMembership, requireTalent } from './permissions';
import { ZTalentRequestInput } from './schemas';

/** A talent asks a Selective Booking recruiter for a chat: pending, one credit spent. */
export async function requestChat(db: Db, actor: TActor | null, eventId: string, input: unknown): Promise<{ chatId: string }> {
  const data = parseInput(ZTalentRequestInput, input);
  const event = await loadEvent(db, eventId);
  await requireTalent(db, actor, eventId);
  assertMayInitiate(event, 'talent');
  assertNotSelf(actor!.id, data.recruiterId);
  const settings = await openSettings(db, eventId, data.recruiterId);
  if (settings.bookingMode !== 'selective') throw new AppError('not_allowed_now', 'This recruiter takes direct bookings — pick a slot instead.');
  // The recruiter's question is what they decide on; a blank answer is a request sent by mistake.
  if (settings.customQuestion && !data.answer) {
    throw new AppError('invalid_input', 'Answer the recruiter’s question before sending.', { answer: 'Answer the recruiter’s question' });
  }
  const company = await recruiterMembership(db, data.recruiterId, eventId);
  if (!company) throw new AppError('not_found', 'This recruiter is not part of the event.');
  return inTx(db, async (tx, work) => {
    const [chat] = await tx
      .insert(chatRequests)
      .values({
        eventId,
        companyId: company.companyId,
        talentId: actor!.id,
        recruiterId: data.recruiterId,
        initiatedBy: 'talent',
        sentBy: actor!.id,
        message: data.message,
        answer: data.answer,
        status: 'pending',
      })
      .returning({ id: chatRequests.id });
    await spendCredit(tx, { eventId, userId: actor!.id, kind: 'talent', requestId: chat!.id, reason: 'request' });
    deliverLater(work, await announceChat(tx, chat!.id, 'requested'));
    return { chatId: chat!.id };
  });
}
