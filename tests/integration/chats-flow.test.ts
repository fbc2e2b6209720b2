import { and, eq } from 'drizzle-orm';
import { chatRequests, outbox, slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { completeChats } from '@/lib/chats/complete-chats';
import { creditBalance } from '@/lib/chats/credits';
import { recruiterRequest } from '@/lib/chats/recruiter-request';
import { requestChat } from '@/lib/chats/request-chat';
import { acceptRequest, declineRequest } from '@/lib/chats/respond-to-request';
import { cancelChat, pickSlot, rescheduleChat } from '@/lib/chats/schedule-chat';
import { setAvailability } from '@/lib/chats/set-availability';
import { withdrawRequest } from '@/lib/chats/withdraw-request';
import { actor, codeOf, demoFair, openRecruiter, setEventRules } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
const slotAt = async (recruiterId: string, i: number) => {
  const [s] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, recruiterId), eq(slots.startsAt, fair.grid[i]!.startsAt)));
  return s!;
};

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  await openRecruiter(t.db, fair, 'demo-recruiter-1-1', 'direct', [0, 1, 2, 3]);
  await openRecruiter(t.db, fair, 'demo-recruiter-2-1', 'selective', [0, 1, 2]);
}, 60_000);
afterAll(() => t.drop());

test('direct booking confirms at once, spends a credit, and sends an .ics to both', async () => {
  const slot = await slotAt('demo-recruiter-1-1', 0);
  const { chatId } = await bookDirect(t.db, actor('demo-talent-02'), { slotId: slot.id, answer: 'Hi' });
  const [chat] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, chatId));
  expect(chat).toMatchObject({ status: 'confirmed', slotId: slot.id, talentId: 'demo-talent-02' });
  expect(await creditBalance(t.db, fair.event.id, 'demo-talent-02', 'talent')).toEqual({ left: 4, limit: 5 });
  const mails = await t.db.select().from(outbox).where(eq(outbox.kind, 'chat.confirmed'));
  expect(mails).toHaveLength(2);
  const ics = mails[0]!.attachments[0]!.content;
  expect(ics).toContain(`UID:chat-${chatId}@fairground`);
  expect(ics).toContain('BEGIN:VTIMEZONE');
  expect(ics).toContain('TZID:Europe/Berlin');
  expect(ics).toContain('METHOD:REQUEST');
});

test('the loser of a slot gets slot_taken; a second booking with the same recruiter is refused', async () => {
  const slot = await slotAt('demo-recruiter-1-1', 0);
  expect(await codeOf(bookDirect(t.db, actor('demo-talent-03'), { slotId: slot.id }))).toBe('slot_taken');
  const other = await slotAt('demo-recruiter-1-1', 1);
  expect(await codeOf(bookDirect(t.db, actor('demo-talent-02'), { slotId: other.id }))).toBe('already_requested');
});

test('a booked slot cannot be removed from availability', async () => {
  const code = await codeOf(setAvailability(t.db, actor('demo-recruiter-1-1'), { eventDayId: fair.day.id, durationMinutes: 30, startTimes: [] }));
  expect(code).toBe('not_allowed_now');
  expect(await t.db.select().from(slots).where(eq(slots.recruiterId, 'demo-recruiter-1-1'))).toHaveLength(4);
});

test('selective: request → accept → pick; the talent cannot double-book the same time', async () => {
  const { chatId } = await requestChat(t.db, actor('demo-talent-02'), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: 'Hello, I would like to talk.' });
  expect(await codeOf(acceptRequest(t.db, actor('demo-talent-02'), { chatId }))).toBe('forbidden');
  expect(await acceptRequest(t.db, actor('demo-recruiter-2-1'), { chatId })).toEqual({ noFreeSlots: false });
  // demo-talent-02 already meets recruiter 1-1 in grid slot 0.
  const clash = await slotAt('demo-recruiter-2-1', 0);
  expect(await codeOf(pickSlot(t.db, actor('demo-talent-02'), { chatId, slotId: clash.id }))).toBe('time_clash');
  const free = await slotAt('demo-recruiter-2-1', 1);
  await pickSlot(t.db, actor('demo-talent-02'), { chatId, slotId: free.id });
  const [chat] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, chatId));
  expect(chat).toMatchObject({ status: 'confirmed', slotId: free.id });
});

test('withdraw gives the credit back, decline does not', async () => {
  const before = (await creditBalance(t.db, fair.event.id, 'demo-talent-04', 'talent')).left!;
  const a = await requestChat(t.db, actor('demo-talent-04'), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: 'I would like to talk about your open roles.' });
  expect((await creditBalance(t.db, fair.event.id, 'demo-talent-04', 'talent')).left).toBe(before - 1);
  await withdrawRequest(t.db, actor('demo-talent-04'), { chatId: a.chatId });
  expect((await creditBalance(t.db, fair.event.id, 'demo-talent-04', 'talent')).left).toBe(before);
  const b = await requestChat(t.db, actor('demo-talent-04'), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: 'I would like to talk about your open roles.' });
  expect(await codeOf(declineRequest(t.db, actor('demo-recruiter-2-1'), { chatId: b.chatId, message: 'Full', suggestedRecruiterId: 'demo-recruiter-1-1' }))).toBe('invalid_input');
  await declineRequest(t.db, actor('demo-recruiter-2-1'), { chatId: b.chatId, message: 'We are full — talk to Lea', suggestedRecruiterId: 'demo-recruiter-2-2' });
  expect((await creditBalance(t.db, fair.event.id, 'demo-talent-04', 'talent')).left).toBe(before - 1);
  // Declined is final: the database refuses any later change.
  expect(await codeOf(withdrawRequest(t.db, actor('demo-talent-04'), { chatId: b.chatId }))).toBe('not_allowed_now');
});

test('the state machine holds in the database itself', async () => {
  const [declined] = await t.db.select().from(chatRequests).where(eq(chatRequests.status, 'declined'));
  await expect(t.db.update(chatRequests).set({ status: 'confirmed' }).where(eq(chatRequests.id, declined!.id))).rejects.toThrow();
  await expect(
    t.db.insert(chatRequests).values({ ...declined!, id: undefined, status: 'completed' } as typeof chatRequests.$inferInsert),
  ).rejects.toThrow();
});

test('a recruiter invites a talent on behalf of a colleague; the talent picks a slot', async () => {
  const { chatId } = await recruiterRequest(t.db, actor('demo-recruiter-2-2'), fair.event.id, { talentId: 'demo-talent-05', recruiterId: 'demo-recruiter-2-1' });
  const [chat] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, chatId));
  expect(chat).toMatchObject({ status: 'pending', recruiterId: 'demo-recruiter-2-1', sentBy: 'demo-recruiter-2-2', initiatedBy: 'recruiter' });
  expect(await codeOf(recruiterRequest(t.db, actor('demo-recruiter-3-1'), fair.event.id, { talentId: 'demo-talent-05', recruiterId: 'demo-recruiter-2-1' }))).toBe('forbidden');
  await pickSlot(t.db, actor('demo-talent-05'), { chatId, slotId: (await slotAt('demo-recruiter-2-1', 2)).id });
  expect((await t.db.select().from(chatRequests).where(eq(chatRequests.id, chatId)))[0]!.status).toBe('confirmed');
});

test('cancel frees the slot and sends METHOD:CANCEL; reschedule bumps SEQUENCE', async () => {
  const slot = await slotAt('demo-recruiter-1-1', 3);
  const { chatId } = await bookDirect(t.db, actor('demo-talent-06'), { slotId: slot.id });
  await rescheduleChat(t.db, actor('demo-recruiter-1-1'), { chatId, slotId: (await slotAt('demo-recruiter-1-1', 2)).id });
  let [chat] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, chatId));
  expect(chat!.icsSequence).toBe(1);
  expect(await codeOf(cancelChat(t.db, actor('demo-talent-07'), { chatId, reason: 'x' }))).toBe('not_found');
  expect(await codeOf(cancelChat(t.db, actor('demo-talent-06'), { chatId, reason: '' }))).toBe('invalid_input');
  await cancelChat(t.db, actor('demo-talent-06'), { chatId, reason: 'I got an offer' });
  [chat] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, chatId));
  expect(chat).toMatchObject({ status: 'cancelled', slotId: null, icsSequence: 2, cancelReason: 'I got an offer' });
  const [mail] = await t.db.select().from(outbox).where(and(eq(outbox.kind, 'chat.cancelled'), eq(outbox.toEmail, 'nora@northwind-analytics.demo.fairground.test')));
  expect(mail!.attachments[0]!.content).toContain('METHOD:CANCEL');
  expect(mail!.attachments[0]!.content).toContain('SEQUENCE:2');
  // The freed slot can be booked by someone else right away.
  await bookDirect(t.db, actor('demo-talent-07'), { slotId: (await slotAt('demo-recruiter-1-1', 2)).id });
});

test('organizer rules: credits run out, and who may initiate is enforced', async () => {
  await setEventRules(t.db, fair.event.id, { talentRequestCredits: 1 });
  await requestChat(t.db, actor('demo-talent-08'), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: 'I would like to talk about your open roles.' });
  await openRecruiter(t.db, fair, 'demo-recruiter-3-1', 'selective', [5]);
  expect(await codeOf(requestChat(t.db, actor('demo-talent-08'), fair.event.id, { recruiterId: 'demo-recruiter-3-1', message: 'I would like to talk about your open roles.' }))).toBe('no_credits');
  await setEventRules(t.db, fair.event.id, { chatInitiation: 'recruiters', talentRequestCredits: 5 });
  expect(await codeOf(requestChat(t.db, actor('demo-talent-09'), fair.event.id, { recruiterId: 'demo-recruiter-3-1', message: 'I would like to talk about your open roles.' }))).toBe('forbidden');
  await setEventRules(t.db, fair.event.id, { chatInitiation: 'both' });
});

test('a changed credit limit applies to talents who already spent some', async () => {
  await requestChat(t.db, actor('demo-talent-10'), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: 'I would like to talk about your open roles.' });
  await setEventRules(t.db, fair.event.id, { talentRequestCredits: 1 });
  expect(await creditBalance(t.db, fair.event.id, 'demo-talent-10', 'talent')).toEqual({ left: 0, limit: 1 });
  expect(await codeOf(requestChat(t.db, actor('demo-talent-10'), fair.event.id, { recruiterId: 'demo-recruiter-3-1', message: 'I would like to talk about your open roles.' }))).toBe('no_credits');
  await setEventRules(t.db, fair.event.id, { talentRequestCredits: 3 });
  await requestChat(t.db, actor('demo-talent-10'), fair.event.id, { recruiterId: 'demo-recruiter-3-1', message: 'I would like to talk about your open roles.' });
  expect(await creditBalance(t.db, fair.event.id, 'demo-talent-10', 'talent')).toEqual({ left: 1, limit: 3 });
  await setEventRules(t.db, fair.event.id, { talentRequestCredits: 5 });
});

test('chats whose time is over complete', async () => {
  const later = new Date(fair.grid[fair.grid.length - 1]!.endsAt.getTime() + 60_000);
  const n = await completeChats(t.db, later);
  expect(n).toBeGreaterThan(0);
  expect(await t.db.select().from(chatRequests).where(eq(chatRequests.status, 'confirmed'))).toHaveLength(0);
});
