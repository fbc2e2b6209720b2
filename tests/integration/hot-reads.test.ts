// The reads every page runs, built once per database (db/hot-read.ts): they answer what the
// statements they replaced answered — signed in or out, inside a transaction too — and are
// built once per database object, not per call. Runs on PGlite and PostgreSQL.
import { and, count, eq, sql } from 'drizzle-orm';
import { companies, deskModerators, desks, eventCompanies, registrations } from '@/db/schema';
import { hotRead } from '@/db/hot-read';
import { countEventCompanies } from '@/lib/companies/queries';
import { listDesks } from '@/lib/desks/desk-page';
import { countTalents, listEventDays } from '@/lib/events/queries';
import { outboxScope } from '@/lib/mail/queries';
import { actor, demoFair } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
}, 60_000);
afterAll(() => t.drop());

test('a hot read is built once per database object and runs with each call’s placeholders', async () => {
  let built = 0;
  const roleOf = hotRead((db) => {
    built++;
    return db
      .select({ role: registrations.role })
      .from(registrations)
      .where(and(eq(registrations.eventId, sql.placeholder('event')), eq(registrations.userId, sql.placeholder('user'))))
      .prepare('test_role_of');
  });
  expect(await roleOf(t.db, { event: fair.event.id, user: 'demo-talent-02' })).toEqual([{ role: 'talent' }]);
  expect(await roleOf(t.db, { event: fair.event.id, user: 'demo-recruiter-1-1' })).toEqual([{ role: 'recruiter' }]);
  expect(await roleOf(t.db, { event: fair.event.id, user: 'nobody' })).toEqual([]);
  expect(built).toBe(1);
  // A transaction is another database object: built for it, and it sees the transaction's writes.
  await t.db
    .transaction(async (tx) => {
      await tx.insert(registrations).values({ eventId: fair.event.id, userId: 'demo-talent-01', role: 'talent' });
      expect(await roleOf(tx, { event: fair.event.id, user: 'demo-talent-01' })).toEqual([{ role: 'talent' }]);
      tx.rollback();
    })
    .catch((err: Error) => expect(err.message).toMatch(/rollback/i));
  expect(built).toBe(2);
  expect(await roleOf(t.db, { event: fair.event.id, user: 'demo-talent-01' })).toEqual([]);
});

test("the lobby's counts and days agree with the tables", async () => {
  const [talents] = await t.db.select({ n: count() }).from(registrations).where(and(eq(registrations.eventId, fair.event.id), eq(registrations.role, 'talent')));
  const [companyCount] = await t.db.select({ n: count() }).from(eventCompanies).where(eq(eventCompanies.eventId, fair.event.id));
  expect(talents!.n).toBeGreaterThan(0);
  expect(await countTalents(t.db, fair.event.id)).toBe(talents!.n);
  expect(await countEventCompanies(t.db, fair.event.id)).toBe(companyCount!.n);
  expect(await countTalents(t.db, '00000000-0000-0000-0000-000000000000')).toBe(0);
  const days = await listEventDays(t.db, fair.event.id);
  expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
  expect(days.some((d) => d.id === fair.day.id)).toBe(true);
});

test('the desk list marks the desks the viewer moderates, for nobody when signed out, per company too', async () => {
  const [desk] = await t.db.select().from(desks).where(eq(desks.eventId, fair.event.id));
  const [moderator] = await t.db.select().from(deskModerators).where(eq(deskModerators.deskId, desk!.id));
  const mod = await listDesks(t.db, actor(moderator!.userId), fair.event.id);
  expect(mod.find((d) => d.id === desk!.id)).toMatchObject({ name: desk!.name, moderating: true });
  expect((await listDesks(t.db, actor('demo-talent-02'), fair.event.id)).find((d) => d.id === desk!.id)?.moderating).toBe(false);
  expect((await listDesks(t.db, null, fair.event.id)).every((d) => d.moderating === false)).toBe(true);
  // A company's desks: only those of that company.
  const [company] = await t.db.select({ id: companies.id }).from(companies).innerJoin(eventCompanies, eq(eventCompanies.companyId, companies.id)).where(eq(eventCompanies.eventId, fair.event.id)).limit(1);
  await t.db.update(desks).set({ companyId: company!.id }).where(eq(desks.id, desk!.id));
  try {
    expect((await listDesks(t.db, null, fair.event.id, company!.id)).map((d) => d.id)).toEqual([desk!.id]);
    expect(await listDesks(t.db, null, fair.event.id, '00000000-0000-0000-0000-000000000000')).toEqual([]);
  } finally {
    await t.db.update(desks).set({ companyId: null }).where(eq(desks.id, desk!.id));
  }
});

test("the header's outbox scope: an organizer reads their events' mails, a talent none", async () => {
  expect(await outboxScope(t.db, actor('demo-organizer'), false)).toEqual({ all: false, eventIds: [fair.event.id], reserved: false });
  expect(await outboxScope(t.db, actor('demo-talent-02'), false)).toEqual({ all: false, eventIds: [], reserved: false });
  expect(await outboxScope(t.db, { id: 'demo-talent-02', isAdmin: true }, false)).toEqual({ all: true, eventIds: [], reserved: false });
  // In demo mode a demo account's rights never reach real mail.
  expect(await outboxScope(t.db, actor('demo-organizer'), true)).toEqual({ all: false, eventIds: [], reserved: true });
});
