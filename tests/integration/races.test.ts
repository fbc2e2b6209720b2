import { eq } from 'drizzle-orm';
import { openPostgres } from '@/db/client';
import { events } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createEvent } from '@/lib/events/create-event';
import { toErrorBody } from '@/lib/errors';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Real parallel transactions need separate sessions: PostgreSQL only (PGlite is one session).
const SLUG_TAKEN = 'That address is already used by another event — choose another.';
const pgOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
}, 60_000);
afterAll(() => t.drop());

pgOnly('concurrent writers on PostgreSQL', () => {
  test('two instances seeding at once: exactly one seeds, one demo fair exists', async () => {
    const other = openPostgres(t.url!, 'db/migrations', 2);
    try {
      const results = await Promise.allSettled([seedDemo(t.db), seedDemo(other.db), seedDemo(t.db)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const seeded = results.filter((r) => r.status === 'fulfilled' && r.value === true);
      expect(seeded).toHaveLength(1);
      expect(await t.db.select().from(events).where(eq(events.slug, 'demo-fair'))).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  test('two organizers racing for one address: one wins, the other gets a clear conflict', async () => {
    const admin = { id: 'demo-organizer', isAdmin: true };
    const input = {
      name: 'Race fair',
      slug: 'race-fair',
      timeZone: 'UTC',
      status: 'draft',
      chatInitiation: 'both',
      talentRequestCredits: 1,
      days: [{ date: '2027-05-01', mode: 'virtual', opensAt: '09:00', closesAt: '12:00', chatDurations: [15] }],
    };
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => createEvent(t.db, admin, input)));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(4);
    for (const l of lost) {
      expect(toErrorBody(l.reason)).toMatchObject({ code: 'conflict', message: SLUG_TAKEN });
    }
    expect(await t.db.select().from(events).where(eq(events.slug, 'race-fair'))).toHaveLength(1);
  });

  test('migrating from several instances at once is serialized and idempotent', async () => {
    const a = openPostgres(t.url!, 'db/migrations', 1);
    const b = openPostgres(t.url!, 'db/migrations', 1);
    try {
      const results = await Promise.allSettled([a.migrate(), b.migrate(), t.migrate()]);
      expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

test('a taken address maps to the domain message on either database', async () => {
  const admin = { id: 'demo-organizer', isAdmin: true };
  await seedDemo(t.db);
  const err = await createEvent(t.db, admin, {
    name: 'Dup',
    slug: 'demo-fair',
    timeZone: 'UTC',
    status: 'draft',
    chatInitiation: 'both',
    talentRequestCredits: 1,
    days: [{ date: '2027-05-01', mode: 'virtual', opensAt: '09:00', closesAt: '12:00', chatDurations: [15] }],
  }).catch((e: unknown) => e);
  expect(toErrorBody(err)).toEqual({ code: 'conflict', message: SLUG_TAKEN, fieldErrors: { slug: SLUG_TAKEN } });
});
