import { and, eq } from 'drizzle-orm';
import { chatRequests, creditAccounts, slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { requestChat } from '@/lib/chats/request-chat';
import { acceptRequest } from '@/lib/chats/respond-to-request';
import { withdrawRequest } from '@/lib/chats/withdraw-request';
import { AppError } from '@/lib/errors';
import { actor, demoFair, openRecruiter, setEventRules } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Real concurrent transactions need separate sessions: PostgreSQL only (PGlite is one session).
const pgOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
const talent = (n: number) => `demo-talent-${String(n).padStart(2, '0')}`;
const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === 'fulfilled' ? 'ok' : r.reason instanceof AppError ? r.reason.code : `crash: ${String(r.reason)}`)).sort();
const slotAt = async (recruiterId: string, i: number) => {
  const [s] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, recruiterId), eq(slots.startsAt, fair.grid[i]!.startsAt)));
  return s!;
};

pgOnly('1-1 chat races on PostgreSQL', () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    fair = await demoFair(t.db);
    await openRecruiter(t.db, fair, 'demo-recruiter-1-1', 'direct', [0, 1]);
    await openRecruiter(t.db, fair, 'demo-recruiter-1-2', 'direct', [0]);
    for (const r of ['demo-recruiter-2-1', 'demo-recruiter-3-1', 'demo-recruiter-4-1', 'demo-recruiter-5-1', 'demo-recruiter-6-1']) {
      await openRecruiter(t.db, fair, r, 'selective', [4]);
    }
  }, 60_000);
  afterAll(() => t.drop());

  test('twenty talents race for one slot: exactly one wins, the rest hear slot_taken', async () => {
    const slot = await slotAt('demo-recruiter-1-1', 0);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => bookDirect(t.db, actor(talent(i + 10)), { slotId: slot.id })));
    expect(codes(results)).toEqual(['ok', ...Array(19).fill('slot_taken')]);
    const live = await t.db.select().from(chatRequests).where(and(eq(chatRequests.slotId, slot.id), eq(chatRequests.status, 'confirmed')));
    expect(live).toHaveLength(1);
    // Losers were not charged: only the winner spent a credit.
    const charged = await t.db.select().from(creditAccounts).where(eq(creditAccounts.spent, 1));
    expect(charged.map((c) => c.userId)).toEqual([live[0]!.talentId]);
  });

  test('one talent books two recruiters for the same time at once: one wins, one hears time_clash', async () => {
    await openRecruiter(t.db, fair, 'demo-recruiter-5-2', 'direct', [6]);
    await openRecruiter(t.db, fair, 'demo-recruiter-6-2', 'direct', [6]);
    const a = await slotAt('demo-recruiter-5-2', 6);
    const b = await slotAt('demo-recruiter-6-2', 6);
    const results = await Promise.allSettled([bookDirect(t.db, actor(talent(33)), { slotId: a.id }), bookDirect(t.db, actor(talent(33)), { slotId: b.id })]);
    expect(codes(results)).toEqual(['ok', 'time_clash']);
    const live = await t.db.select().from(chatRequests).where(and(eq(chatRequests.talentId, talent(33)), eq(chatRequests.status, 'confirmed')));
    expect(live).toHaveLength(1);
    const [acc] = await t.db.select().from(creditAccounts).where(eq(creditAccounts.userId, talent(33)));
    expect(acc!.spent).toBe(1);
  });

  test('the last credit is spent once, however many requests race for it', async () => {
    await setEventRules(t.db, fair.event.id, { talentRequestCredits: 1 });
    const recruiters = ['demo-recruiter-2-1', 'demo-recruiter-3-1', 'demo-recruiter-4-1', 'demo-recruiter-5-1', 'demo-recruiter-6-1'];
    const results = await Promise.allSettled(recruiters.map((r) => requestChat(t.db, actor(talent(30)), fair.event.id, { recruiterId: r, message: 'I would like to talk about your open roles.' })));
    expect(codes(results)).toEqual(['no_credits', 'no_credits', 'no_credits', 'no_credits', 'ok']);
    const [acc] = await t.db.select().from(creditAccounts).where(eq(creditAccounts.userId, talent(30)));
    expect(acc).toMatchObject({ granted: 1, spent: 1 });
    await setEventRules(t.db, fair.event.id, { talentRequestCredits: 5 });
  });

  test('one open request per pair, even when sent five times at once', async () => {
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => requestChat(t.db, actor(talent(31)), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: 'I would like to talk about your open roles.' })));
    expect(codes(results)).toEqual(['already_requested', 'already_requested', 'already_requested', 'already_requested', 'ok']);
    const [acc] = await t.db.select().from(creditAccounts).where(eq(creditAccounts.userId, talent(31)));
    expect(acc!.spent).toBe(1);
  });

  test('accept and withdraw at the same moment: exactly one transition happens', async () => {
    const { chatId } = await requestChat(t.db, actor(talent(32)), fair.event.id, { recruiterId: 'demo-recruiter-3-1', message: 'I would like to talk about your open roles.' });
    const results = await Promise.allSettled([
      acceptRequest(t.db, actor('demo-recruiter-3-1'), { chatId }),
      withdrawRequest(t.db, actor(talent(32)), { chatId }),
    ]);
    expect(codes(results).filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes(results).filter((c) => c === 'not_allowed_now')).toHaveLength(1);
    const [chat] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, chatId));
    expect(['accepted', 'withdrawn']).toContain(chat!.status);
  });
});

