import { and, asc, eq } from 'drizzle-orm';
import { conversations } from '@/db/schema';
import { addDeskModerators } from '@/lib/desks/create-desk';
import { admitNext } from '@/lib/desks/admit-next';
import { closeConversation } from '@/lib/desks/close-conversation';
import { enterDesk } from '@/lib/desks/enter-desk';
import { AppError } from '@/lib/errors';
import { actor, demoFair } from '../helpers/chat-fixtures';
import { crowd, openCounts, openDesk, statusOf } from '../helpers/desk-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Real concurrent transactions need separate sessions: PostgreSQL only (PGlite is one session).
const pgOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
const MODS = ['demo-moderator', 'demo-organizer', 'demo-recruiter-1-1'];
const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === 'fulfilled' ? 'ok' : r.reason instanceof AppError ? r.reason.code : `crash: ${String(r.reason)}`)).sort();
const byQueue = (deskId: string) => t.db.select().from(conversations).where(eq(conversations.deskId, deskId)).orderBy(asc(conversations.queuedAt), asc(conversations.id));

pgOnly('desk races on PostgreSQL', () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    fair = await demoFair(t.db);
  }, 60_000);
  afterAll(() => t.drop());

  test('fifty people enter at once with three places: exactly three are admitted, the first three in arrival order', async () => {
    const deskId = await openDesk(t.db, fair.event.id, { moderators: MODS, limit: 1 });
    const people = await crowd(t.db, fair.event.id, 50, 'rush');
    const results = await Promise.allSettled(people.map((p) => enterDesk(t.db, actor(p), { deskId })));
    expect(codes(results)).toEqual(Array(50).fill('ok'));
    const queue = await byQueue(deskId);
    expect(queue).toHaveLength(50);
    // Arrival order is queue order; the admitted are exactly its head, the rest wait behind them.
    expect(queue.slice(0, 3).map((c) => c.status)).toEqual(['open', 'open', 'open']);
    expect(queue.slice(3).every((c) => c.status === 'queued')).toBe(true);
    expect(new Set(queue.slice(0, 3).map((c) => c.assignedTo))).toEqual(new Set(MODS));
    expect(await openCounts(t.db, deskId)).toEqual(Object.fromEntries(MODS.map((m) => [m, 1])));
  }, 60_000);

  test('two moderators admit the only waiting person at once: one gets them, the other hears nobody is waiting', async () => {
    const deskId = await openDesk(t.db, fair.event.id, { moderators: ['demo-moderator'], limit: 1 });
    const [busy, waiting] = await crowd(t.db, fair.event.id, 2, 'admit');
    await enterDesk(t.db, actor(busy!), { deskId });
    const { conversationId } = await enterDesk(t.db, actor(waiting!), { deskId });
    // Two moderators arrive later: they admit by hand (nobody is admitted to them unasked).
    await addDeskModerators(t.db, actor('demo-organizer'), deskId, ['demo-recruiter-2-1', 'demo-recruiter-3-1']);
    const results = await Promise.allSettled([
      admitNext(t.db, actor('demo-recruiter-2-1'), { deskId }),
      admitNext(t.db, actor('demo-recruiter-3-1'), { deskId }),
    ]);
    expect(codes(results)).toEqual(['not_allowed_now', 'ok']);
    const conv = await statusOf(t.db, conversationId);
    expect(conv.status).toBe('open');
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    expect(conv.assignedTo).toBe(['demo-recruiter-2-1', 'demo-recruiter-3-1'][winner]);
    expect(await openCounts(t.db, deskId)).toEqual({ 'demo-moderator': 1, [conv.assignedTo!]: 1, [winner ? 'demo-recruiter-2-1' : 'demo-recruiter-3-1']: 0 });
  });

  test('a close and a new arrival at the same moment: the arrival always gets the freed place', async () => {
    for (let round = 0; round < 10; round++) {
      const deskId = await openDesk(t.db, fair.event.id, { moderators: ['demo-moderator'], limit: 1 });
      const [first, second] = await crowd(t.db, fair.event.id, 2, `close-${round}`);
      const { conversationId } = await enterDesk(t.db, actor(first!), { deskId });
      const [closed, entered] = await Promise.allSettled([
        closeConversation(t.db, actor('demo-moderator'), { conversationId }),
        enterDesk(t.db, actor(second!), { deskId }),
      ]);
      expect(closed.status).toBe('fulfilled');
      expect(entered.status).toBe('fulfilled');
      const arrival = await statusOf(t.db, (entered as PromiseFulfilledResult<{ conversationId: string }>).value.conversationId);
      expect(arrival.status).toBe('open');
      expect(await openCounts(t.db, deskId)).toEqual({ 'demo-moderator': 1 });
      const open = await t.db.select().from(conversations).where(and(eq(conversations.deskId, deskId), eq(conversations.status, 'open')));
      expect(open).toHaveLength(1);
    }
  }, 60_000);

  test('many closes and arrivals at once never pass a limit and admit strictly in order', async () => {
    const deskId = await openDesk(t.db, fair.event.id, { moderators: MODS, limit: 2 });
    const early = await crowd(t.db, fair.event.id, 12, 'mix-early');
    for (const p of early) await enterDesk(t.db, actor(p), { deskId });
    const open = await t.db.select().from(conversations).where(and(eq(conversations.deskId, deskId), eq(conversations.status, 'open')));
    const late = await crowd(t.db, fair.event.id, 10, 'mix-late');
    const results = await Promise.allSettled([
      ...open.map((c) => closeConversation(t.db, actor(c.assignedTo!), { conversationId: c.id })),
      ...late.map((p) => enterDesk(t.db, actor(p), { deskId })),
    ]);
    expect(codes(results).every((c) => c === 'ok')).toBe(true);
    const counts = await openCounts(t.db, deskId);
    expect(Object.values(counts)).toEqual([2, 2, 2]);
    // No one waits while someone who queued after them has been admitted.
    const queue = (await byQueue(deskId)).filter((c) => c.status !== 'closed');
    const firstWaiting = queue.findIndex((c) => c.status === 'queued');
    expect(queue.slice(firstWaiting).every((c) => c.status === 'queued')).toBe(true);
  }, 60_000);
});
