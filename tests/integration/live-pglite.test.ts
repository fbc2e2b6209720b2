// Hints ride on the transaction: LISTEN sees a committed one and never a rolled-back one
// (PGlite by default, PostgreSQL when TEST_DATABASE_URL is set).
import { publishHint } from '@/lib/live/publish';
import { LIVE_CHANNEL, topics, type THint } from '@/lib/live/topics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let unlisten: (() => Promise<void>) | undefined;
const received: THint[] = [];
const waiters = new Set<() => void>();

function waitForHint(match: (h: THint) => boolean, ms = 5_000): Promise<THint> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const hit = received.find(match);
      if (!hit) return;
      waiters.delete(check);
      clearTimeout(timer);
      resolve(hit);
    };
    const timer = setTimeout(() => {
      waiters.delete(check);
      reject(new Error(`no matching hint within ${ms} ms; got ${JSON.stringify(received)}`));
    }, ms);
    waiters.add(check);
    check();
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  unlisten = await t.listen(LIVE_CHANNEL, (payload) => {
    received.push(JSON.parse(payload) as THint);
    waiters.forEach((w) => w());
  });
}, 60_000);

afterAll(async () => {
  await unlisten?.();
  await t.drop();
});

const topic = topics.user('demo-talent-02');

test('a hint published in a committed transaction is received', async () => {
  await t.db.transaction((tx) => publishHint(tx, topic, { n: 1 }));
  expect(await waitForHint((h) => h.ids?.n === 1)).toEqual({ topic, ids: { n: 1 } });
});

test('a hint published in a rolled-back transaction is never received', async () => {
  await expect(
    t.db.transaction(async (tx) => {
      await publishHint(tx, topic, { n: 2 });
      throw new Error('write failed');
    }),
  ).rejects.toThrow('write failed');
  // Notifications arrive in commit order: once a later committed hint is here, the
  // rolled-back one would have arrived before it had it been sent at all.
  await t.db.transaction((tx) => publishHint(tx, topic, { n: 3 }));
  await waitForHint((h) => h.ids?.n === 3);
  expect(received.map((h) => h.ids?.n)).toEqual([1, 3]);
});
