// Issue 9, item 18: when the LISTEN connection drops (a database restart, a failover, a killed
// backend), every SSE stream is told to resync, and hints flow again afterwards.
import { sql } from 'drizzle-orm';
import { executeRows } from '@/db/client';
import { RESYNC, subscribe } from '@/lib/live/hub';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const pgOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;
const decoder = new TextDecoder();

pgOnly('the live hub on PostgreSQL', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    // The hub listens on the process's database.
    globalThis.__fairgroundDatabase = t;
  }, 60_000);
  afterAll(async () => {
    globalThis.__fairgroundDatabase = undefined;
    globalThis.__fairgroundLiveHub = undefined;
    await t.drop();
  });

  async function until(check: () => boolean, ms = 15_000) {
    const end = Date.now() + ms;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  test('a terminated LISTEN backend comes back, every stream gets one resync, and hints flow again', async () => {
    const a: string[] = [];
    const b: string[] = [];
    const offA = await subscribe([topics.user('a'), topics.user('shared')], (f) => a.push(decoder.decode(f)));
    const offB = await subscribe([topics.user('b')], (f) => b.push(decoder.decode(f)));
    try {
      await publishHint(t.db, topics.user('a'), { n: 1 });
      await until(() => a.some((f) => f.includes('"n":1')));

      const [listener] = await executeRows<{ pid: number }>(t.db, sql`select pid from pg_stat_activity where datname = current_database() and query ilike 'listen%'`);
      expect(listener).toBeDefined();
      await t.db.execute(sql`select pg_terminate_backend(${listener!.pid})`);

      const resync = decoder.decode(RESYNC);
      await until(() => a.includes(resync) && b.includes(resync));
      // One per stream, even for a stream that follows two topics.
      expect(a.filter((f) => f === resync)).toHaveLength(1);

      await publishHint(t.db, topics.user('b'), { n: 2 });
      await until(() => b.some((f) => f.includes('"n":2')));
    } finally {
      offA();
      offB();
    }
  }, 30_000);
});
