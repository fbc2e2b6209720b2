// The read pool (db/client.ts): every statement prepared, and no transactions on it. The main
// pool: nothing prepared outside a transaction, even a hot read (db/hot-read.ts).
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { executeRows, openPostgres } from '@/db/client';
import { users } from '@/db/schema';
import { isTalentOf } from '@/lib/chats/permissions';
import { seedDemo } from '@/db/seed';
import { createTestDatabase, isPostgres, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
}, 60_000);
afterAll(() => t.drop());

const onPostgres = isPostgres() ? test : test.skip;

onPostgres('a read with parameters is prepared on the server, and its results are mapped as on the main pool', async () => {
  const read = () => t.reads.select({ id: users.id, createdAt: users.createdAt }).from(users).where(eq(users.id, 'demo-talent-02'));
  const [first] = await read();
  expect(first?.createdAt).toBeInstanceOf(Date);
  // pg_prepared_statements lists what the asking connection has prepared: ask on every
  // connection of the pool at once, so each one has to answer for itself.
  await Promise.all(Array.from({ length: 8 }, read));
  const seen = await Promise.all(
    Array.from({ length: 8 }, () => executeRows<{ n: number }>(t.reads, sql`select count(*)::int as n from pg_prepared_statements where statement like '%' || 'from "us' || 'ers" where' || '%' and ${1} = 1`)),
  );
  expect(seen.some((r) => r[0]!.n > 0)).toBe(true);
});

onPostgres('the read pool refuses transactions', async () => {
  await expect(t.reads.transaction(async (tx) => tx.select().from(users).limit(1))).rejects.toThrow('The read pool runs no transactions');
});

test('on PGlite the reads go to the one database', async () => {
  if (isPostgres()) return;
  expect(t.reads).toBe(t.db);
});

onPostgres('on the main pool a transaction after a hundred hot reads in flight is its own, and a later write stays', async () => {
  // One connection, so the transaction's BEGIN queues behind the reads: prepared, the reads would
  // pipeline and postgres.js would send BEGIN without reserving the connection (postgres#1189).
  const one = openPostgres(t.url!, path.resolve('db/migrations'), 1);
  try {
    const [event] = await executeRows<{ id: string }>(one.db, sql`select id from events where slug = 'demo-fair'`);
    await isTalentOf(one.db, 'demo-talent-02', event!.id);
    const reads = Array.from({ length: 100 }, () => isTalentOf(one.db, 'demo-talent-02', event!.id));
    for (let i = 0; i < 30; i++) await null;
    const tx = one.db.transaction(async (tx) => {
      await tx.update(users).set({ name: 'In the transaction' }).where(eq(users.id, 'demo-talent-04'));
    });
    expect(await Promise.all(reads)).toEqual(Array.from({ length: 100 }, () => true));
    await tx;
    await one.db.update(users).set({ name: 'After the transaction' }).where(eq(users.id, 'demo-talent-03'));
    const [idle] = await executeRows<{ n: number }>(t.db, sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'idle in transaction'`);
    expect(idle!.n).toBe(0);
  } finally {
    await one.close();
  }
  // Read on another pool, after the one above closed: both writes were committed.
  const names = await t.db.select({ id: users.id, name: users.name }).from(users).where(sql`${users.id} in ('demo-talent-03', 'demo-talent-04')`).orderBy(users.id);
  expect(names).toEqual([
    { id: 'demo-talent-03', name: 'After the transaction' },
    { id: 'demo-talent-04', name: 'In the transaction' },
  ]);
});
