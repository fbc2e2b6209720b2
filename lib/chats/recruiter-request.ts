import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { chatRequests, registrations } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { deliverLater } from '@/lib/mail/deliver-mail';
import { inTx } from '@/lib/tx/in-tx';
import { parseInput } from '@/lib/validation';
import { announceChat } from './announce';
import { assertMayInitiate, assertNotSelf, loadEvent } from './chat-rules';
import { spendCredit } from './credits';
import { recruiterMembership, requireRecruiter } from './permissions';
import { ZRecruiterRequestInput } from './schemas';

/** A recruiter invites a talent, for themselves or on behalf of a colleague of the same company. */
export async function recruiterRequest(db: Db, actor: TActor | null, eventId: string, input: unknown): Promise<{ chatId: string }> {
  const data = parseInput(ZRecruiterRequestInput, input);
  const event = await loadEvent(db, eventId);
  const mine = await requireRecruiter(db, actor, eventId);
  assertMayInitiate(event, 'recruiter');
  const recruiterId = data.recruiterId ?? actor!.id;
  assertNotSelf(data.talentId, recruiterId);
  if (recruiterId !== actor!.id) {
    const theirs = await recruiterMembership(db, recruiterId, eventId);
    if (theirs?.companyId !== mine.companyId) throw new AppError('forbidden', 'You can send requests for colleagues of your own company only.');
  }
  const [talentReg] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, data.talentId), eq(registrations.role, 'talent')));
  if (!talentReg) throw new AppError('not_found', 'This talent is not registered for the event.');
  return inTx(db, async (tx, work) => {
    const [chat] = await tx
      .insert(chatRequests)
      .values({
        eventId,
        companyId: mine.companyId,
        talentId: data.talentId,
        recruiterId,
        initiatedBy: 'recruiter',
        sentBy: actor!.id,
        message: data.message,
        status: 'pending',
      })
      .returning({ id: chatRequests.id });
    // Recruiter credits are the sender's, whoever the chat is for.
    await spendCredit(tx, { eventId, userId: actor!.id, kind: 'recruiter', requestId: chat!.id, reason: 'request' });
    deliverLater(work, await announceChat(tx, chat!.id, 'requested'));
    return { chatId: chat!.id };
  });
}
