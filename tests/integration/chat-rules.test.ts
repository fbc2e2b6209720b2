// One definition per rule (issue 11): a held slot, and who counts as a colleague.
import { and, eq, sql } from 'drizzle-orm';
import { chatRequests, companyMembers, slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { addChatColleague } from '@/lib/chats/chat-colleagues';
import { freeSlots, freeSlotsOf } from '@/lib/chats/free-slots';
import { companyRecruiters } from '@/lib/chats/queries';
import { cancelChat } from '@/lib/chats/schedule-chat';
import { setAvailability } from '@/lib/chats/set-availability';
import { teamOverview } from '@/lib/chats/team';
import { actor, codeOf, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const RECRUITER = 'demo-recruiter-1-1';
let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  await openRecruiter(t.db, fair, RECRUITER, 'direct', [0, 1, 2]);
}, 60_000);
afterAll(() => t.drop());

const slotAt = async (i: number) => (await t.db.select().from(slots).where(and(eq(slots.recruiterId, RECRUITER), eq(slots.startsAt, fair.grid[i]!.startsAt))))[0]!;

test('a slot is held while a confirmed or completed chat points at it, and free again once cancelled — the same everywhere', async () => {
  const [s0, s1, s2] = [await slotAt(0), await slotAt(1), await slotAt(2)];
  const { chatId: completed } = await bookDirect(t.db, actor('demo-talent-02'), { slotId: s0.id });
  await t.db.execute(sql`update chat_requests set status = 'completed' where id = ${completed}`);
  const { chatId: cancelled } = await bookDirect(t.db, actor('demo-talent-03'), { slotId: s1.id });
  await cancelChat(t.db, actor('demo-talent-03'), { chatId: cancelled, reason: 'Changed plans' });

  // Free slots, the team overview and availability edits agree on which slot is held.
  const free = (await freeSlots(t.db, fair.event.id, RECRUITER, new Date())).map((s) => s.id);
  expect(free.sort()).toEqual([s1.id, s2.id].sort());
  // The talent page's batched read (one query for every recruiter) agrees.
  const batched = await freeSlotsOf(t.db, fair.event.id, [RECRUITER, 'demo-recruiter-1-2'], new Date());
  expect(batched.get(RECRUITER)!.map((s) => s.id).sort()).toEqual(free.sort());
  expect(batched.get('demo-recruiter-1-2')).toEqual([]);
  const team = await teamOverview(t.db, actor(RECRUITER), fair.event.id);
  const me = team.members.find((m) => m.id === RECRUITER)!;
  expect([me.freeFutureSlots, me.bookedSlots]).toEqual([2, 1]);
  const keepOnly = (idx: number[]) => setAvailability(t.db, actor(RECRUITER), { eventDayId: fair.day.id, durationMinutes: 30, startTimes: idx.map((i) => fair.grid[i]!.startsAt.toISOString()) });
  expect(await codeOf(keepOnly([1, 2]))).toBe('not_allowed_now');
  expect(await codeOf(keepOnly([0, 2]))).toBe('ok');
  expect(await t.db.select().from(chatRequests).where(eq(chatRequests.id, completed))).toHaveLength(1);
});

test('the colleagues a picker offers are exactly the ones the use-case accepts', async () => {
  // A member of the company who is not a recruiter of this event is no colleague here.
  await t.db.insert(companyMembers).values({ companyId: (await t.db.query.companyMembers.findFirst({ where: (m, { eq: is }) => is(m.userId, RECRUITER) }))!.companyId, userId: 'demo-talent-09', role: 'recruiter' }).onConflictDoNothing();
  const { chatId } = await bookDirect(t.db, actor('demo-talent-04'), { slotId: (await slotAt(2)).id });
  const [chat] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, chatId));
  const offered = (await companyRecruiters(t.db, fair.event.id, chat!.companyId)).filter((c) => c.id !== RECRUITER);
  expect(offered.map((c) => c.id)).not.toContain('demo-talent-09');
  expect(offered.length).toBeGreaterThan(0);
  const now = new Date(fair.grid[2]!.startsAt.getTime() - 60 * 60_000);
  for (const c of offered) expect(await codeOf(addChatColleague(t.db, actor(RECRUITER), { chatId, userId: c.id }, now))).toBe('ok');
  expect(await codeOf(addChatColleague(t.db, actor(RECRUITER), { chatId, userId: 'demo-talent-09' }, now))).toBe('invalid_input');
});
