import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { preparedStatement, type Db } from '@/db/client';
import { chatRequests } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { deliverLater } from '@/lib/mail/deliver-mail';
import { inTx } from '@/lib/tx/in-tx';
import { parseInput } from '@/lib/validation';
import { announceChatFacts } from './announce';
import { loadBookingContext } from './booking-context';
import { assertMayInitiate, assertNotSelf } from './chat-rules';
import { remindLater } from './remind-later';
import { spendCredit } from './credits';
import { pipelined } from './pipeline';
import { ZBookDirectInput } from './schemas';

// The slot's one-live-chat index and the talent's no-overlap constraint decide races here.
const insertChat = preparedStatement(
  'book_direct_chat',
  sql`insert into ${chatRequests}
        (id, event_id, company_id, talent_id, recruiter_id, initiated_by, sent_by, answer, status, slot_id, starts_at, ends_at, ics_sequence)
      values (${sql.placeholder('id')}, ${sql.placeholder('eventId')}, ${sql.placeholder('companyId')}, ${sql.placeholder('talentId')},
        ${sql.placeholder('recruiterId')}, 'talent', ${sql.placeholder('talentId')}, ${sql.placeholder('answer')}, 'confirmed',
        ${sql.placeholder('slotId')}, ${sql.placeholder('startsAt')}, ${sql.placeholder('endsAt')}, 0)`,
);

type TBookingContext = NonNullable<Awaited<ReturnType<typeof loadBookingContext>>>;

/** The rules a direct booking must pass, on what was read in its transaction. */
function assertBookable(ctx: TBookingContext | undefined, talentId: string, now: Date): asserts ctx is TBookingContext & { talent: NonNullable<TBookingContext['talent']>; companyId: string } {
  if (!ctx) throw new AppError('not_found', 'That slot does not exist any more — pick another.');
  if (!ctx.isTalentRegistered || !ctx.talent) throw new AppError('forbidden', 'Register for this event as a talent first.');
  assertNotSelf(talentId, ctx.slot.recruiterId);
  assertMayInitiate(ctx.event, 'talent');
  if (!ctx.isConfirmed) throw new AppError('not_allowed_now', 'This recruiter is not taking 1-1 chats right now.');
  if (ctx.bookingMode !== 'direct') throw new AppError('not_allowed_now', 'This recruiter approves requests first — send a request instead.');
  if (!ctx.companyId) throw new AppError('not_allowed_now', 'This recruiter is no longer part of the event.');
  if (ctx.slot.startsAt.getTime() <= now.getTime()) throw new AppError('not_allowed_now', 'That slot has already started — pick a later one.');
}

/** A talent books a Direct Booking recruiter's free slot: confirmed at once, one credit spent. */
export async function bookDirect(db: Db, actor: TActor | null, input: unknown, now = new Date()): Promise<{ chatId: string }> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const data = parseInput(ZBookDirectInput, input);
  const chatId = await inTx(db, async (tx, work) => {
    // Read inside the transaction: the pool then sees only BEGIN from here (see db/client).
    const ctx = await loadBookingContext(tx, data.slotId, actor.id);
    assertBookable(ctx, actor.id, now);
    const { slot, event } = ctx;
    // The new chat as its messages need it, so they are written without reading the row back.
    const chat = {
      id: randomUUID(),
      companyId: ctx.companyId,
      initiatedBy: 'talent' as const,
      slotId: slot.id,
      message: '',
      declineMessage: null,
      cancelReason: null,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      icsSequence: 0,
    };
    // Alone and awaited: in a rush most attempts lose here, and a loser should cost no more.
    await insertChat(tx, {
      id: chat.id,
      eventId: event.id,
      companyId: ctx.companyId,
      talentId: actor.id,
      recruiterId: slot.recruiterId,
      answer: data.answer,
      slotId: slot.id,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
    });
    // The winner's credit and messages go out together, in one round trip.
    const [, mailIds] = await pipelined([
      spendCredit(tx, { eventId: event.id, userId: actor.id, kind: 'talent', requestId: chat.id, reason: 'direct booking', granted: event.talentRequestCredits }),
      announceChatFacts(tx, { chat, event, talent: ctx.talent, recruiter: ctx.recruiter, company: ctx.company, place: ctx.place }, 'confirmed'),
    ]);
    deliverLater(work, mailIds);
    remindLater(work, { id: chat.id, startsAt: chat.startsAt }, now);
    return chat.id;
  });
  return { chatId };
}
