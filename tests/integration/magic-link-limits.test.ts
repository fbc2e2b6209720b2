// Sign-in links are limited per address and per client address (issue 9, item 14).
import { AppError } from '@/lib/errors';
import { clientAddress, MAGIC_LINK_LIMITS, recordMagicLinkRequest } from '@/lib/auth/magic-link-limits';
import { createTestDatabase, isPostgres, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
}, 60_000);
afterAll(() => t.drop());

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

test('one address gets a handful of links an hour, then a clear refusal; an hour later it may ask again', async () => {
  const now = new Date('2027-03-01T10:00:00Z');
  for (let i = 0; i < MAGIC_LINK_LIMITS.perAddress; i++) {
    await recordMagicLinkRequest(t.db, 'victim@company.test', `10.0.0.${i}`, now);
  }
  const refused = recordMagicLinkRequest(t.db, 'victim@company.test', '10.0.1.1', now);
  await expect(refused).rejects.toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/ask again in an hour/) });
  expect(await outcome(recordMagicLinkRequest(t.db, 'victim@company.test', '10.0.1.1', new Date(now.getTime() + 61 * 60_000)))).toBe('ok');
});

test('one client cycling through addresses is stopped too', async () => {
  const now = new Date('2027-03-02T10:00:00Z');
  for (let i = 0; i < MAGIC_LINK_LIMITS.perClient; i++) {
    await recordMagicLinkRequest(t.db, `spam${i}@company.test`, '192.0.2.7', now);
  }
  await expect(recordMagicLinkRequest(t.db, 'one-more@company.test', '192.0.2.7', now)).rejects.toMatchObject({ code: 'rate_limited' });
  // Another client is not affected.
  expect(await outcome(recordMagicLinkRequest(t.db, 'one-more@company.test', '192.0.2.8', now))).toBe('ok');
});

(isPostgres() ? test : test.skip)('a burst of concurrent requests for one address gets exactly the limit through', async () => {
  const now = new Date('2027-03-03T10:00:00Z');
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => outcome(recordMagicLinkRequest(t.db, 'burst@company.test', `198.51.100.${i}`, now))));
  expect(results.filter((r) => r === 'ok')).toHaveLength(MAGIC_LINK_LIMITS.perAddress);
  expect(results.filter((r) => r === 'rate_limited')).toHaveLength(12 - MAGIC_LINK_LIMITS.perAddress);
});

test('the client address is the one the nearest proxy saw', () => {
  expect(clientAddress('203.0.113.9, 10.0.0.1')).toBe('10.0.0.1');
  expect(clientAddress('::1')).toBe('::1');
  expect(clientAddress(null)).toBeNull();
});
