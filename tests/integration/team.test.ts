import { and, eq } from 'drizzle-orm';
import { slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { requestChat } from '@/lib/chats/request-chat';
import { setAvailability } from '@/lib/chats/set-availability';
import { colleagueAvailability, companyChats, teamOverview } from '@/lib/chats/team';
import { withdrawRequest } from '@/lib/chats/withdraw-request';
import { actor, codeOf, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Company 1: demo-recruiter-1-1 (Nora, admin) and demo-recruiter-1-2 (Tom, recruiter).
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
  await openRecruiter(t.db, fair, 'demo-recruiter-1-2', 'selective', [4, 5]);
  await openRecruiter(t.db, fair, 'demo-recruiter-2-1', 'direct', [0]);
  await bookDirect(t.db, actor('demo-talent-02'), { slotId: (await slotAt('demo-recruiter-1-1', 0)).id });
  await requestChat(t.db, actor('demo-talent-03'), fair.event.id, { recruiterId: 'demo-recruiter-1-2', message: 'Hi, I would like to talk.' });
  const gone = await requestChat(t.db, actor('demo-talent-04'), fair.event.id, { recruiterId: 'demo-recruiter-1-2', message: 'I would like to talk about your open roles.' });
  await withdrawRequest(t.db, actor('demo-talent-04'), { chatId: gone.chatId });
  // Another company's chat, which company 1 must never count or see.
  await bookDirect(t.db, actor('demo-talent-05'), { slotId: (await slotAt('demo-recruiter-2-1', 0)).id });
}, 60_000);
afterAll(() => t.drop());

test('the overview counts slots and chats per recruiter of the company', async () => {
  const team = await teamOverview(t.db, actor('demo-recruiter-1-2'), fair.event.id);
  expect(team.isAdmin).toBe(false);
  expect(team.members).toEqual([
    expect.objectContaining({ id: 'demo-recruiter-1-1', role: 'admin', isMe: false, bookingMode: 'direct', isConfirmed: true, freeFutureSlots: 3, bookedSlots: 1, pendingRequests: 0, confirmedChats: 1 }),
    expect.objectContaining({ id: 'demo-recruiter-1-2', role: 'recruiter', isMe: true, bookingMode: 'selective', isConfirmed: true, freeFutureSlots: 2, bookedSlots: 0, pendingRequests: 1, confirmedChats: 0 }),
  ]);
  expect((await teamOverview(t.db, actor('demo-recruiter-1-1'), fair.event.id)).isAdmin).toBe(true);
  const unopened = (await teamOverview(t.db, actor('demo-recruiter-3-1'), fair.event.id)).members;
  expect(unopened.map((m) => [m.id, m.isConfirmed, m.freeFutureSlots])).toEqual([['demo-recruiter-3-1', false, 0], ['demo-recruiter-3-2', false, 0]]);
});

test('only recruiters of the event see a team, and only their own company', async () => {
  expect(await codeOf(teamOverview(t.db, actor('demo-talent-02'), fair.event.id))).toBe('forbidden');
  expect(await codeOf(teamOverview(t.db, null, fair.event.id))).toBe('unauthorized');
  const other = await teamOverview(t.db, actor('demo-recruiter-2-1'), fair.event.id);
  expect(other.members.map((m) => m.id).sort()).toEqual(['demo-recruiter-2-1', 'demo-recruiter-2-2']);
  expect(await codeOf(companyChats(t.db, actor('demo-talent-02'), fair.event.id))).toBe('forbidden');
  expect((await companyChats(t.db, actor('demo-recruiter-2-2'), fair.event.id)).map((c) => c.recruiterId)).toEqual(['demo-recruiter-2-1']);
});

test('all chats of the company, filterable by a validated status', async () => {
  const all = await companyChats(t.db, actor('demo-recruiter-1-2'), fair.event.id);
  expect(all.map((c) => c.status).sort()).toEqual(['confirmed', 'pending', 'withdrawn']);
  expect(all[0]).toMatchObject({ status: 'confirmed', recruiterId: 'demo-recruiter-1-1', startsAt: fair.grid[0]!.startsAt });
  expect(all[0]!.talentName).toBeTruthy();
  expect(all[0]!.recruiterName).toBe('Nora Visser');
  const pending = await companyChats(t.db, actor('demo-recruiter-1-1'), fair.event.id, 'pending');
  expect(pending).toHaveLength(1);
  expect(pending[0]).toMatchObject({ recruiterName: 'Tom Bakker', startsAt: null });
  expect(await companyChats(t.db, actor('demo-recruiter-1-1'), fair.event.id, 'cancelled')).toEqual([]);
  expect(await codeOf(companyChats(t.db, actor('demo-recruiter-1-1'), fair.event.id, 'bogus'))).toBe('invalid_input');
});

test('a company admin sets a colleague’s availability; a recruiter or another company’s admin cannot', async () => {
  const day = { eventDayId: fair.day.id, durationMinutes: 30 };
  const times = (ix: number[]) => ix.map((i) => fair.grid[i]!.startsAt.toISOString());
  expect(await setAvailability(t.db, actor('demo-recruiter-1-1'), { ...day, recruiterId: 'demo-recruiter-1-2', startTimes: times([4, 5, 6]) })).toEqual({ slots: 3, clashes: [] });
  expect(await t.db.select().from(slots).where(eq(slots.recruiterId, 'demo-recruiter-1-2'))).toHaveLength(3);
  expect(await codeOf(setAvailability(t.db, actor('demo-recruiter-1-2'), { ...day, recruiterId: 'demo-recruiter-1-1', startTimes: times([0]) }))).toBe('forbidden');
  expect(await codeOf(setAvailability(t.db, actor('demo-recruiter-2-1'), { ...day, recruiterId: 'demo-recruiter-1-2', startTimes: times([0]) }))).toBe('forbidden');
  expect(await t.db.select().from(slots).where(eq(slots.recruiterId, 'demo-recruiter-1-1'))).toHaveLength(4);

  const seen = await colleagueAvailability(t.db, actor('demo-recruiter-1-1'), fair.event.id, 'demo-recruiter-1-2');
  expect(seen.recruiter.name).toBe('Tom Bakker');
  expect(seen.days.find((d) => d.day.id === fair.day.id)!.slots).toHaveLength(3);
  expect(seen.settings?.bookingMode).toBe('selective');
  expect(await codeOf(colleagueAvailability(t.db, actor('demo-recruiter-1-2'), fair.event.id, 'demo-recruiter-1-1'))).toBe('forbidden');
  expect(await codeOf(colleagueAvailability(t.db, actor('demo-recruiter-2-1'), fair.event.id, 'demo-recruiter-1-2'))).toBe('forbidden');
  expect(await codeOf(colleagueAvailability(t.db, actor('demo-talent-02'), fair.event.id, 'demo-recruiter-1-2'))).toBe('forbidden');
});
