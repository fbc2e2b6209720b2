// The live reads of the 1-1 chat pages (GET /api/events/:id/chats/open-recruiters, …/mine,
// …/inbox): who may read them, what they return, and the narrow hints that make browsers
// refetch them (open-recruiters:<event>, team:<event>:<company>, user:<id>; not event:<id>).
import { and, eq } from 'drizzle-orm';
import { eventDays, events, registrations, slots, users } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { openRecruitersFor } from '@/lib/chats/open-recruiters';
import { recruiterMembership } from '@/lib/chats/permissions';
import { recruiterInbox } from '@/lib/chats/recruiter-inbox';
import { requestChat } from '@/lib/chats/request-chat';
import { acceptRequest } from '@/lib/chats/respond-to-request';
import { cancelChat, pickSlot, rescheduleChat } from '@/lib/chats/schedule-chat';
import { setAvailability } from '@/lib/chats/set-availability';
import { talentChats } from '@/lib/chats/talent-chats';
import { talentChatsPage } from '@/lib/chats/talent-chats-page';
import { canSeeTopic } from '@/lib/live/access';
import { LIVE_CHANNEL, topics, type THint } from '@/lib/live/topics';
import { actor, codeOf, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
let otherEventId: string;
let company1: string;
let company2: string;
let unlisten: (() => Promise<void>) | undefined;
let received: THint[] = [];
const hinted = (topic: string) => received.filter((h) => h.topic === topic);
/** Hints come on commit; a last marker hint shows that every earlier one has arrived. */
async function settle() {
  const marker = `user:settle-${received.length}-${Date.now()}`;
  await t.db.execute(`select pg_notify('${LIVE_CHANNEL}', '${JSON.stringify({ topic: marker })}')` as never);
  for (let i = 0; i < 100 && !received.some((h) => h.topic === marker); i++) await new Promise((r) => setTimeout(r, 20));
}
const slotOf = async (recruiterId: string, i: number) => {
  const [s] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, recruiterId), eq(slots.startsAt, fair.grid[i]!.startsAt)));
  return s!;
};

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  await openRecruiter(t.db, fair, 'demo-recruiter-1-1', 'direct', [0, 1, 2]);
  await openRecruiter(t.db, fair, 'demo-recruiter-2-1', 'selective', [3, 4]);
  // A talent of another event only.
  const [other] = await t.db.insert(events).values({ slug: 'other-fair', name: 'Other Fair', timeZone: 'Europe/Berlin', status: 'live' }).returning();
  otherEventId = other!.id;
  await t.db.insert(eventDays).values({ eventId: other!.id, date: fair.day.date, opensAt: '09:00', closesAt: '17:00', chatDurations: [30] });
  await t.db.insert(users).values({ id: 'other-talent', name: 'Olga Other', email: 'olga@other.test' });
  await t.db.insert(registrations).values({ eventId: other!.id, userId: 'other-talent', role: 'talent' });
  company1 = (await recruiterMembership(t.db, 'demo-recruiter-1-1', fair.event.id))!.companyId;
  company2 = (await recruiterMembership(t.db, 'demo-recruiter-2-1', fair.event.id))!.companyId;
  unlisten = await t.listen(LIVE_CHANNEL, (payload) => void received.push(JSON.parse(payload) as THint));
}, 60_000);
afterAll(async () => {
  await unlisten?.();
  await t.drop();
});

test("the 1-1 Chats page's first paint is the two live reads, behind one talent check", async () => {
  const now = new Date();
  const page = await talentChatsPage(t.db, actor('demo-talent-02'), fair.event, now);
  expect(page.mine).toEqual(await talentChats(t.db, actor('demo-talent-02'), { eventId: fair.event.id }));
  const whole = await openRecruitersFor(t.db, actor('demo-talent-02'), { eventId: fair.event.id }, now);
  // Every recruiter with the same free-slot count, but the slots only of the talent's open chats' recruiters.
  expect(page.open.recruiters).toEqual(whole.recruiters);
  expect(page.open.recruiters.length).toBeGreaterThan(0);
  expect(page.open.recruiters.some((r) => r.freeSlots > 0)).toBe(true);
  const own = [...new Set(page.mine.chats.filter((c) => ['pending', 'accepted', 'confirmed'].includes(c.status)).map((c) => c.recruiterId))].sort();
  expect(Object.keys(page.open.slots).sort()).toEqual(own);
  for (const id of own) expect(page.open.slots[id]).toEqual(whole.slots[id]);
  expect(page.mine.credits.limit).toBe(fair.event.talentRequestCredits);
  expect(await codeOf(talentChatsPage(t.db, actor('demo-recruiter-1-1'), fair.event, now))).toBe('forbidden');
  expect(await codeOf(talentChatsPage(t.db, actor('other-talent'), fair.event, now))).toBe('forbidden');
  expect(await codeOf(talentChatsPage(t.db, null, fair.event, now))).toBe('unauthorized');
});

test('a talent reads every open recruiter with free slots, pending counts and details', async () => {
  const board = await openRecruitersFor(t.db, actor('demo-talent-02'), { eventId: fair.event.id });
  const byId = new Map(board.recruiters.map((r) => [r.id, r]));
  expect(byId.get('demo-recruiter-1-1')).toMatchObject({ bookingMode: 'direct', freeSlots: 3, pendingRequests: 0, name: 'Nora Visser' });
  expect(byId.get('demo-recruiter-2-1')).toMatchObject({ bookingMode: 'selective', freeSlots: 2 });
  // Only recruiters who confirmed their availability are open.
  expect(byId.has('demo-recruiter-1-2')).toBe(false);
  const first = board.slots['demo-recruiter-1-1']!;
  expect(first.map((s) => s.startsAt)).toEqual([0, 1, 2].map((i) => fair.grid[i]!.startsAt.toISOString()));
  expect(first[0]!.label).toMatch(/^\w{3} \d{1,2} \w{3}, 09:00 CET \(30 min, in person\)$/); // the demo's second day is in person
});

test('a booking takes the slot off every talent’s read and hints the recruiter’s entry, the team and both people — not the event', async () => {
  received = [];
  const booked = await slotOf('demo-recruiter-1-1', 0);
  const { chatId } = await bookDirect(t.db, actor('demo-talent-02'), { slotId: booked.id });
  await settle();
  // It names the slot taken and asks for no read: watchers drop the slot from what they show.
  expect(hinted(topics.openRecruiters(fair.event.id)).map((h) => [h.ids, h.data])).toEqual([[{ recruiter: 'demo-recruiter-1-1' }, { taken: [booked.id] }]]);
  expect(hinted(topics.team(fair.event.id, company1))).toHaveLength(1);
  expect(hinted(topics.user('demo-talent-02')).some((h) => h.ids?.chat === chatId)).toBe(true);
  expect(hinted(topics.user('demo-recruiter-1-1')).some((h) => h.ids?.chat === chatId)).toBe(true);
  expect(hinted(topics.event(fair.event.id))).toEqual([]);

  // What the hint makes another talent's page read: that one recruiter, without the booked slot.
  const part = await openRecruitersFor(t.db, actor('demo-talent-03'), { eventId: fair.event.id, recruiters: 'demo-recruiter-1-1' });
  expect(part.recruiters.map((r) => [r.id, r.freeSlots])).toEqual([['demo-recruiter-1-1', 2]]);
  expect(Object.keys(part.slots)).toEqual(['demo-recruiter-1-1']);
  expect(part.slots['demo-recruiter-1-1']!.map((s) => s.id)).not.toContain(booked.id);

  // The booker's own chats and credits; another talent's list does not hold it.
  const mine = await talentChats(t.db, actor('demo-talent-02'), { eventId: fair.event.id });
  expect(mine.chats.map((c) => [c.id, c.status, c.recruiterId, c.startsAt])).toEqual([[chatId, 'confirmed', 'demo-recruiter-1-1', booked.startsAt.toISOString()]]);
  expect((await talentChats(t.db, actor('demo-talent-03'), { eventId: fair.event.id })).chats).toEqual([]);

  // The booker's page now carries that recruiter's free slots (to move the chat), the others' counts only.
  const page = await talentChatsPage(t.db, actor('demo-talent-02'), fair.event);
  expect(Object.keys(page.open.slots)).toEqual(['demo-recruiter-1-1']);
  expect(page.open.slots['demo-recruiter-1-1']!.map((s) => s.id)).toEqual(part.slots['demo-recruiter-1-1']!.map((s) => s.id));
  expect(page.open.recruiters.find((r) => r.id === 'demo-recruiter-2-1')?.freeSlots).toBe(2);
});

test('a request shows in the recruiter’s inbox and raises the pending count talents see', async () => {
  received = [];
  const { chatId } = await requestChat(t.db, actor('demo-talent-03'), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: 'I would love to hear about your team.' });
  await settle();
  // The pending count moved: no data, the recruiter's entry is read again.
  expect(hinted(topics.openRecruiters(fair.event.id)).map((h) => [h.ids, h.data])).toEqual([[{ recruiter: 'demo-recruiter-2-1' }, undefined]]);
  expect(hinted(topics.team(fair.event.id, company2))).toHaveLength(1);
  expect(hinted(topics.team(fair.event.id, company1))).toEqual([]);

  const inbox = await recruiterInbox(t.db, actor('demo-recruiter-2-1'), { eventId: fair.event.id });
  expect(inbox.chats.map((c) => [c.id, c.status, c.talentName, c.message])).toEqual([[chatId, 'pending', expect.any(String), 'I would love to hear about your team.']]);
  expect(inbox.free).toHaveLength(2);
  expect(inbox.days.some((d) => d.slots.length === 2)).toBe(true);
  // A colleague's inbox is their own: the request is not in it.
  expect((await recruiterInbox(t.db, actor('demo-recruiter-2-2'), { eventId: fair.event.id })).chats).toEqual([]);

  const board = await openRecruitersFor(t.db, actor('demo-talent-04'), { eventId: fair.event.id, recruiters: 'demo-recruiter-2-1' });
  expect(board.recruiters[0]).toMatchObject({ id: 'demo-recruiter-2-1', pendingRequests: 1 });
  // The requester also gets the slots of the recruiter of their open chat (to pick a time later).
  const own = await openRecruitersFor(t.db, actor('demo-talent-03'), { eventId: fair.event.id });
  expect(own.slots['demo-recruiter-2-1']).toHaveLength(2);
});

test('an availability edit hints the recruiter’s entry, their own pages and their team', async () => {
  received = [];
  await setAvailability(t.db, actor('demo-recruiter-1-1'), { eventDayId: fair.day.id, durationMinutes: 30, startTimes: [0, 1, 2, 5].map((i) => fair.grid[i]!.startsAt.toISOString()) });
  await settle();
  expect(hinted(topics.openRecruiters(fair.event.id)).map((h) => h.ids)).toEqual([{ recruiter: 'demo-recruiter-1-1' }]);
  expect(hinted(topics.user('demo-recruiter-1-1'))).toHaveLength(1);
  expect(hinted(topics.team(fair.event.id, company1))).toHaveLength(1);
  expect(hinted(topics.event(fair.event.id))).toEqual([]);
  const board = await openRecruitersFor(t.db, actor('demo-talent-05'), { eventId: fair.event.id, recruiters: 'demo-recruiter-1-1' });
  expect(board.recruiters[0]!.freeSlots).toBe(3);
  // Several hints before one read: those recruiters, in the page's order, and nobody else.
  const two = await openRecruitersFor(t.db, actor('demo-talent-05'), { eventId: fair.event.id, recruiters: 'demo-recruiter-2-1,demo-recruiter-1-1' });
  expect(two.recruiters.map((r) => r.id).sort()).toEqual(['demo-recruiter-1-1', 'demo-recruiter-2-1']);
  expect(Object.keys(two.slots).sort()).toEqual(['demo-recruiter-1-1', 'demo-recruiter-2-1']);
  // An empty list is no narrowing: the whole list.
  const all = await openRecruitersFor(t.db, actor('demo-talent-05'), { eventId: fair.event.id, recruiters: ',' });
  expect(all.recruiters.length).toBe((await openRecruitersFor(t.db, actor('demo-talent-05'), { eventId: fair.event.id })).recruiters.length);
});

test('an approved request given a time names its slot; a new time names it and asks for a reread; a cancel asks for a reread', async () => {
  const open = topics.openRecruiters(fair.event.id);
  const [request] = (await recruiterInbox(t.db, actor('demo-recruiter-2-1'), { eventId: fair.event.id })).chats.filter((c) => c.status === 'pending');
  const first = await slotOf('demo-recruiter-2-1', 3);
  const second = await slotOf('demo-recruiter-2-1', 4);
  received = [];
  await acceptRequest(t.db, actor('demo-recruiter-2-1'), { chatId: request!.id });
  await settle();
  expect(hinted(open).map((h) => h.data)).toEqual([undefined]); // the pending count fell
  received = [];
  await pickSlot(t.db, actor('demo-talent-03'), { chatId: request!.id, slotId: first.id });
  await settle();
  expect(hinted(open).map((h) => [h.ids, h.data])).toEqual([[{ recruiter: 'demo-recruiter-2-1' }, { taken: [first.id] }]]);
  // What a watcher's page does with that hint: the slot goes, the count follows, no read.
  const before = await openRecruitersFor(t.db, actor('demo-talent-05'), { eventId: fair.event.id });
  expect(before.slots['demo-recruiter-2-1']!.map((s) => s.id)).toEqual([second.id]);
  received = [];
  await rescheduleChat(t.db, actor('demo-talent-03'), { chatId: request!.id, slotId: second.id });
  await settle();
  // The new slot is taken and the old one came free: dropped at once, then read again.
  expect(hinted(open).map((h) => h.data)).toEqual([{ taken: [second.id], reread: true }]);
  received = [];
  await cancelChat(t.db, actor('demo-talent-03'), { chatId: request!.id, reason: 'Something came up.' });
  await settle();
  expect(hinted(open).map((h) => h.data)).toEqual([undefined]);
  const after = await openRecruitersFor(t.db, actor('demo-talent-05'), { eventId: fair.event.id, recruiters: 'demo-recruiter-2-1' });
  expect(after.slots['demo-recruiter-2-1']!.map((s) => s.id)).toEqual([first.id, second.id]);
});

test('strangers, other events’ talents and the wrong side are refused; bad input is named', async () => {
  const eventId = fair.event.id;
  for (const read of [openRecruitersFor, talentChats, recruiterInbox]) {
    expect(await codeOf(read(t.db, null, { eventId }))).toBe('unauthorized');
    expect(await codeOf(read(t.db, actor('other-talent'), { eventId }))).toBe('forbidden');
    expect(await codeOf(read(t.db, actor('demo-talent-02'), { eventId: 'not-an-id' }))).toBe('invalid_input');
  }
  // A talent of the other event reads their own event, which has no open recruiter.
  expect(await openRecruitersFor(t.db, actor('other-talent'), { eventId: otherEventId })).toEqual({ recruiters: [], slots: {} });
  expect(await codeOf(openRecruitersFor(t.db, actor('demo-recruiter-1-1'), { eventId }))).toBe('forbidden');
  expect(await codeOf(talentChats(t.db, actor('demo-recruiter-1-1'), { eventId }))).toBe('forbidden');
  expect(await codeOf(recruiterInbox(t.db, actor('demo-talent-02'), { eventId }))).toBe('forbidden');
  expect(await codeOf(openRecruitersFor(t.db, actor('demo-talent-02'), { eventId, recruiters: 'x;drop table' }))).toBe('invalid_input');
});

test('who may follow the new topics', async () => {
  const open = topics.openRecruiters(fair.event.id);
  expect(await canSeeTopic(t.db, actor('demo-talent-02'), open)).toBe(true);
  expect(await canSeeTopic(t.db, actor('other-talent'), open)).toBe(false);
  expect(await canSeeTopic(t.db, actor('demo-recruiter-1-1'), open)).toBe(false);
  expect(await canSeeTopic(t.db, actor('other-talent'), topics.openRecruiters(otherEventId))).toBe(true);
  const team1 = topics.team(fair.event.id, company1);
  expect(await canSeeTopic(t.db, actor('demo-recruiter-1-1'), team1)).toBe(true);
  expect(await canSeeTopic(t.db, actor('demo-recruiter-1-2'), team1)).toBe(true);
  expect(await canSeeTopic(t.db, actor('demo-recruiter-2-1'), team1)).toBe(false);
  expect(await canSeeTopic(t.db, actor('demo-talent-02'), team1)).toBe(false);
  expect(await canSeeTopic(t.db, actor('demo-recruiter-1-1'), topics.team(otherEventId, company1))).toBe(false);
  expect(await canSeeTopic(t.db, actor('demo-talent-02'), topics.openRecruiters('00000000-0000-0000-0000-00000000000g'))).toBe(false);
});
