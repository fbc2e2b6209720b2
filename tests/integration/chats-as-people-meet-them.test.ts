// 1-1 chat rules people trip over (issue 10): under-way chats, past slots, blank requests,
// credits for chats that never had a free slot, clash messages, and what a decline says.
import { and, eq } from 'drizzle-orm';
import { chatRequests, outbox, slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { updateChatSettings } from '@/lib/chats/chat-settings';
import { creditBalance } from '@/lib/chats/credits';
import { requestChat } from '@/lib/chats/request-chat';
import { acceptRequest, declineRequest } from '@/lib/chats/respond-to-request';
import { cancelChat, pickSlot, rescheduleChat } from '@/lib/chats/schedule-chat';
import { setAvailability } from '@/lib/chats/set-availability';
import { AppError } from '@/lib/errors';
import { actor, codeOf, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
const MESSAGE = 'I build data pipelines and would like to hear about your team.';
const slotAt = async (recruiterId: string, i: number) => {
  const [s] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, recruiterId), eq(slots.startsAt, fair.grid[i]!.startsAt)));
  return s!;
};
const errorOf = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  await openRecruiter(t.db, fair, 'demo-recruiter-1-1', 'direct', [0, 1, 2]);
  await openRecruiter(t.db, fair, 'demo-recruiter-2-1', 'selective', [0, 1]);
}, 60_000);
afterAll(() => t.drop());

test('a request needs a few words, and an answer when the recruiter asks a question', async () => {
  const blank = await errorOf(requestChat(t.db, actor('demo-talent-11'), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: '  ' }));
  expect(blank?.code).toBe('invalid_input');
  expect(blank?.fieldErrors?.message).toMatch(/a few words/);
  await updateChatSettings(t.db, actor('demo-recruiter-2-1'), fair.event.id, { bookingMode: 'selective', customQuestion: 'Which team interests you?' });
  const unanswered = await errorOf(requestChat(t.db, actor('demo-talent-11'), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: MESSAGE }));
  expect(unanswered?.fieldErrors?.answer).toBe('Answer the recruiter’s question');
  await requestChat(t.db, actor('demo-talent-11'), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: MESSAGE, answer: 'Platform' });
  await updateChatSettings(t.db, actor('demo-recruiter-2-1'), fair.event.id, { bookingMode: 'selective' });
});

test('a chat that has started can be neither rescheduled nor cancelled', async () => {
  const slot = await slotAt('demo-recruiter-1-1', 0);
  const { chatId } = await bookDirect(t.db, actor('demo-talent-12'), { slotId: slot.id });
  const duringIt = new Date(slot.startsAt.getTime() + 5 * 60_000);
  const moved = await errorOf(rescheduleChat(t.db, actor('demo-talent-12'), { chatId, slotId: (await slotAt('demo-recruiter-1-1', 1)).id }, duringIt));
  expect(moved?.code).toBe('not_allowed_now');
  expect(moved?.message).toMatch(/already started/);
  expect(await codeOf(cancelChat(t.db, actor('demo-recruiter-1-1'), { chatId, reason: 'Running late' }, duringIt))).toBe('not_allowed_now');
  const [chat] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, chatId));
  expect(chat).toMatchObject({ status: 'confirmed', slotId: slot.id });
});

test('a time that has passed cannot be offered as a new slot; existing ones stay', async () => {
  const later = new Date(fair.grid[4]!.startsAt.getTime() + 60_000);
  const times = [0, 1, 2, 3].map((i) => fair.grid[i]!.startsAt.toISOString());
  const err = await errorOf(setAvailability(t.db, actor('demo-recruiter-1-1'), { eventDayId: fair.day.id, durationMinutes: 30, startTimes: times }, later));
  expect(err?.code).toBe('invalid_input');
  expect(err?.message).toMatch(/already passed/);
  // Saving the same past slots again (nothing new) is fine.
  await setAvailability(t.db, actor('demo-recruiter-1-1'), { eventDayId: fair.day.id, durationMinutes: 30, startTimes: times.slice(0, 3) }, later);
});

test('the talent reads a clash in their own words', async () => {
  // demo-talent-12 meets recruiter 1-1 in grid slot 0; recruiter 2-1 offers slot 0 too.
  const { chatId } = await requestChat(t.db, actor('demo-talent-12'), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: MESSAGE });
  await acceptRequest(t.db, actor('demo-recruiter-2-1'), { chatId });
  const clash = await errorOf(pickSlot(t.db, actor('demo-talent-12'), { chatId, slotId: (await slotAt('demo-recruiter-2-1', 0)).id }));
  expect(clash?.code).toBe('time_clash');
  expect(clash?.message).toBe('You already have a 1-1 chat at that time — pick another slot.');
});

test('an approved request cancelled while the recruiter has no free slot gives the credit back', async () => {
  await openRecruiter(t.db, fair, 'demo-recruiter-3-1', 'selective', [6]);
  // Confirmed once, then every slot taken away again: open, but nothing to pick.
  await setAvailability(t.db, actor('demo-recruiter-3-1'), { eventDayId: fair.day.id, durationMinutes: 30, startTimes: [] });
  const before = (await creditBalance(t.db, fair.event.id, 'demo-talent-13', 'talent')).left!;
  const { chatId } = await requestChat(t.db, actor('demo-talent-13'), fair.event.id, { recruiterId: 'demo-recruiter-3-1', message: MESSAGE });
  expect(await acceptRequest(t.db, actor('demo-recruiter-3-1'), { chatId })).toEqual({ noFreeSlots: true });
  expect((await creditBalance(t.db, fair.event.id, 'demo-talent-13', 'talent')).left).toBe(before - 1);
  expect(await cancelChat(t.db, actor('demo-talent-13'), { chatId, reason: 'No time was ever free' })).toEqual({ refunded: true });
  expect((await creditBalance(t.db, fair.event.id, 'demo-talent-13', 'talent')).left).toBe(before);

  // With a free slot on offer, cancelling keeps the credit spent (the talent could have picked).
  const again = await requestChat(t.db, actor('demo-talent-14'), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: MESSAGE });
  await acceptRequest(t.db, actor('demo-recruiter-2-1'), { chatId: again.chatId });
  expect(await cancelChat(t.db, actor('demo-talent-14'), { chatId: again.chatId, reason: 'Changed my mind' })).toEqual({ refunded: false });
});

test('the decline mail names the suggested colleague', async () => {
  const { chatId } = await requestChat(t.db, actor('demo-talent-15'), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: MESSAGE });
  await declineRequest(t.db, actor('demo-recruiter-2-1'), { chatId, message: 'We are full today.', suggestedRecruiterId: 'demo-recruiter-2-2' });
  const [mail] = await t.db.select().from(outbox).where(and(eq(outbox.kind, 'chat.declined'), eq(outbox.toEmail, 'talent15@demo.fairground.test')));
  expect(mail!.text).toContain('We are full today.');
  expect(mail!.text).toContain('suggests their colleague Lea Schmidt');
});
