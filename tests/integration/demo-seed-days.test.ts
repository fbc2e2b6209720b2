import { eq } from 'drizzle-orm';
import { desks, eventDays, events } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// The demo fair's days around Berlin midnight. 2026-12-01 22:50Z is 23:50 in Berlin (CET).
const open: TestDatabase[] = [];
afterAll(() => Promise.all(open.map((t) => t.drop())), 30_000);

async function seededAt(now: Date, opts?: { firstDay?: string }) {
  const t = await createTestDatabase();
  open.push(t);
  await seedDemo(t.db, now, opts);
  const [fair] = await t.db.select().from(events).where(eq(events.slug, 'demo-fair'));
  const days = (await t.db.select().from(eventDays).where(eq(eventDays.eventId, fair!.id))).sort((a, b) => a.date.localeCompare(b.date));
  const [desk] = await t.db.select().from(desks).where(eq(desks.eventId, fair!.id));
  return { days: days.map((d) => [d.date, d.mode, d.opensAt.slice(0, 5), d.closesAt.slice(0, 5)]), desk: desk! };
}

test('seeded just after Berlin midnight, today and tomorrow are Berlin days, not UTC ones', async () => {
  const { days } = await seededAt(new Date('2026-12-01T23:10:00Z'));
  expect(days).toEqual([
    ['2026-12-02', 'virtual', '00:00', '23:45'],
    ['2026-12-03', 'in_person', '09:00', '17:00'],
  ]);
}, 60_000);

test('a first day given to the seed holds whatever the clock says on either side of midnight', async () => {
  for (const now of ['2026-12-01T22:50:00Z', '2026-12-01T23:10:00Z']) {
    const { days, desk } = await seededAt(new Date(now), { firstDay: '2026-12-01' });
    expect(days).toEqual([
      ['2026-12-01', 'virtual', '00:00', '23:45'],
      ['2026-12-02', 'in_person', '09:00', '17:00'],
    ]);
    // The desk stays open across midnight until day 2 closes at 23:45 Berlin.
    expect([desk.opensAt.toISOString(), desk.closesAt.toISOString()]).toEqual(['2026-11-30T23:00:00.000Z', '2026-12-02T22:45:00.000Z']);
  }
}, 60_000);

test('the first day rolls over month and year ends', async () => {
  const { days } = await seededAt(new Date('2026-12-31T12:00:00Z'), { firstDay: '2026-12-31' });
  expect(days.map((d) => d[0])).toEqual(['2026-12-31', '2027-01-01']);
}, 60_000);
