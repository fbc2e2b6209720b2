// The read pool (db/client.ts): every statement prepared, and no transactions on it.
import { eq, sql } from 'drizzle-orm';
import { executeRows } from '@/db/client';
import { users } from '@/db/schema';
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
