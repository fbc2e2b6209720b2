import { eq } from 'drizzle-orm';
import { auditLog, desks, eventDays, events, registrations, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createEvent } from '@/lib/events/create-event';
import { registerTalent } from '@/lib/events/register-talent';
import { updateEvent } from '@/lib/events/update-event';
import { AppError } from '@/lib/errors';
import { openRecruitersFor } from '@/lib/chats/open-recruiters';
import { slotGrid } from '@/lib/chats/slot-grid';
import { zonedInstant } from '@/lib/time/format';
import { codeOf } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
const admin = { id: 'demo-organizer', isAdmin: true };
const talent = { id: 'demo-talent-01', isAdmin: false };

const validInput = {
  name: 'Spring Fair',
  slug: 'spring-fair',
  description: 'A fair',
  timeZone: 'Europe/Berlin',
  status: 'published',
  chatInitiation: 'both',
  talentRequestCredits: 3,
  recruiterRequestCredits: '',
  days: [
    { date: '2027-03-01', mode: 'virtual', opensAt: '09:00', closesAt: '17:00', chatDurations: [15, 30] },
    { date: '2027-03-02', mode: 'in_person', opensAt: '10:00', closesAt: '16:00', chatDurations: [30] },
  ],
};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
}, 60_000);
afterAll(() => t.drop());

test('seeding twice keeps one demo fair', async () => {
  expect(await seedDemo(t.db)).toBe(false);
  const fairs = await t.db.select().from(events).where(eq(events.slug, 'demo-fair'));
  expect(fairs).toHaveLength(1);
  const people = await t.db.select().from(users).where(eq(users.isDemo, true));
  expect(people).toHaveLength(2 + 14 + 40);
});

test('a new talent finds recruiters already open for 1-1 chats, with free slots from now on both demo days', async () => {
  const [fair] = await t.db.select().from(events).where(eq(events.slug, 'demo-fair'));
  const days = (await t.db.select().from(eventDays).where(eq(eventDays.eventId, fair!.id))).sort((a, b) => a.date.localeCompare(b.date));
  const board = await openRecruitersFor(t.db, { id: 'demo-talent-02', isAdmin: false }, { eventId: fair!.id });
  expect(board.recruiters.map((r) => [r.name, r.company, r.bookingMode])).toEqual(
    expect.arrayContaining([['Ruth Meyer', 'Lumen Energy', 'direct'], ['Yusuf Demir', 'Quill Software', 'selective']]),
  );
  for (const [id, todayMinutes] of [['demo-recruiter-4-3', 15], ['demo-recruiter-6-3', 30]] as const) {
    const free = board.slots[id]!;
    expect(free.every((s) => Date.parse(s.startsAt) > Date.now() - 60_000)).toBe(true);
    // On the grid the recruiter would pick from, today (video, unless today is over) and tomorrow (in person).
    const onGrid = new Set([...slotGrid(days[0]!, todayMinutes, fair!.timeZone), ...slotGrid(days[1]!, 30, fair!.timeZone)].map((g) => g.startsAt.toISOString()));
    expect(free.every((s) => onGrid.has(s.startsAt))).toBe(true);
    expect(free.filter((s) => s.label.endsWith('(30 min, in person)')).length).toBeGreaterThanOrEqual(6);
  }
});

// The desk's hours are wall-clock times of the event's zone, whatever the server's zone is.
test('the demo desk opens when the first demo day opens and closes at the end of the second, in the event zone', async () => {
  const [fair] = await t.db.select().from(events).where(eq(events.slug, 'demo-fair'));
  const days = (await t.db.select().from(eventDays).where(eq(eventDays.eventId, fair!.id))).map((d) => d.date).sort();
  const [desk] = await t.db.select().from(desks).where(eq(desks.eventId, fair!.id));
  expect(desk!.opensAt.toISOString()).toBe(zonedInstant(days[0]!, '00:00', fair!.timeZone).toISOString());
  expect(desk!.closesAt.toISOString()).toBe(zonedInstant(days[1]!, '23:45', fair!.timeZone).toISOString());
});

test('an organizer creates an event with two days and becomes its organizer', async () => {
  const { id } = await createEvent(t.db, admin, validInput);
  const days = await t.db.select().from(eventDays).where(eq(eventDays.eventId, id));
  expect(days.map((d) => d.date).sort()).toEqual(['2027-03-01', '2027-03-02']);
  const regs = await t.db.select().from(registrations).where(eq(registrations.eventId, id));
  expect(regs).toEqual([expect.objectContaining({ userId: 'demo-organizer', role: 'organizer' })]);
  const audit = await t.db.select().from(auditLog).where(eq(auditLog.eventId, id));
  expect(audit.map((a) => a.action)).toContain('event.created');
});

test('a talent cannot create or edit events', async () => {
  expect(await codeOf(createEvent(t.db, talent, { ...validInput, slug: 'talent-fair' }))).toBe('forbidden');
  const [demo] = await t.db.select().from(events).where(eq(events.slug, 'demo-fair'));
  expect(await codeOf(updateEvent(t.db, talent, demo!.id, validInput))).toBe('forbidden');
  expect(await codeOf(createEvent(t.db, null, validInput))).toBe('unauthorized');
});

test('bad input is refused field by field and nothing is written', async () => {
  const before = await t.db.select().from(events);
  try {
    await createEvent(t.db, admin, {
      ...validInput,
      slug: 'Bad Slug!',
      timeZone: 'Mars/Olympus',
      days: [{ date: '2027-03-01', mode: 'virtual', opensAt: '17:00', closesAt: '09:00', chatDurations: [] }],
    });
    throw new Error('expected a failure');
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const fe = (e as AppError).fieldErrors!;
    expect(fe.slug).toMatch(/lowercase/);
    expect(fe.timeZone).toMatch(/time zone/);
    expect(fe['days.0.closesAt']).toMatch(/after opening/);
    expect(fe['days.0.chatDurations']).toMatch(/at least one/);
  }
  expect(await t.db.select().from(events)).toHaveLength(before.length);
});

test('editing keeps days matched by date and removes dropped ones', async () => {
  const { id } = await createEvent(t.db, admin, { ...validInput, slug: 'edit-me' });
  const [before] = await t.db.select().from(eventDays).where(eq(eventDays.date, '2027-03-01'));
  await updateEvent(t.db, admin, id, { ...validInput, slug: 'edit-me', days: [{ ...validInput.days[0], opensAt: '08:00' }] });
  const days = await t.db.select().from(eventDays).where(eq(eventDays.eventId, id));
  expect(days).toHaveLength(1);
  expect(days[0]!.opensAt).toBe('08:00:00');
  expect(before).toBeDefined();
});

test('a talent registers once; a second time says so', async () => {
  const [demo] = await t.db.select().from(events).where(eq(events.slug, 'demo-fair'));
  expect(await registerTalent(t.db, talent, demo!.id)).toEqual({ alreadyRegistered: false });
  expect(await registerTalent(t.db, talent, demo!.id)).toEqual({ alreadyRegistered: true });
});
