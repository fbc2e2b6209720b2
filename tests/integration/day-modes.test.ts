import { and, eq } from 'drizzle-orm';
import { availability, eventDays, slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { recruiterDays } from '@/lib/chats/queries';
import { setAvailability } from '@/lib/chats/set-availability';
import { slotOptions } from '@/lib/chats/view';
import { dayFormMode } from '@/lib/events/schemas';
import { updateEvent } from '@/lib/events/update-event';
import { actor, codeOf, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Day 2 of the demo fair is in person; the organizer can make it hybrid so each recruiter chooses.
let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
const organizer = { id: 'demo-organizer', isAdmin: false };

async function setDayTwoMode(mode: 'virtual' | 'in_person' | 'hybrid') {
  const days = await t.db.select().from(eventDays).where(eq(eventDays.eventId, fair.event.id));
  const e = fair.event;
  await updateEvent(t.db, organizer, e.id, {
    name: e.name, slug: e.slug, description: e.description, timeZone: e.timeZone, status: e.status,
    chatInitiation: e.chatInitiation, talentRequestCredits: e.talentRequestCredits, recruiterRequestCredits: e.recruiterRequestCredits ?? '',
    days: days.map((d) => ({
      date: d.date,
      mode: d.id === fair.day.id ? mode : dayFormMode(d),
      opensAt: d.opensAt.slice(0, 5),
      closesAt: d.closesAt.slice(0, 5),
      chatDurations: d.chatDurations,
    })),
  });
}
const modeOf = async (recruiterId: string) =>
  (await t.db.select({ mode: availability.mode }).from(availability).where(and(eq(availability.recruiterId, recruiterId), eq(availability.eventDayId, fair.day.id))))[0]?.mode;
const at = (i: number) => fair.grid[i]!.startsAt.toISOString();

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
}, 60_000);
afterAll(() => t.drop());

test('on a day the organizer fixed, the recruiter cannot pick another mode', async () => {
  expect(fair.day.mode).toBe('in_person');
  expect(fair.day.recruitersChooseMode).toBe(false);
  const err = setAvailability(t.db, actor('demo-recruiter-1-1'), { eventDayId: fair.day.id, durationMinutes: 30, startTimes: [at(0)], mode: 'virtual' });
  expect(await codeOf(err)).toBe('invalid_input');
  expect(await modeOf('demo-recruiter-1-1')).toBeUndefined();
  await setAvailability(t.db, actor('demo-recruiter-1-1'), { eventDayId: fair.day.id, durationMinutes: 30, startTimes: [at(0)] });
  expect(await modeOf('demo-recruiter-1-1')).toBe('in_person');
});

test('on a hybrid day each recruiter chooses, and talents see the choice on every slot', async () => {
  await setDayTwoMode('hybrid');
  const [day] = await t.db.select().from(eventDays).where(eq(eventDays.id, fair.day.id));
  expect(dayFormMode(day!)).toBe('hybrid');
  await openRecruiter(t.db, fair, 'demo-recruiter-2-1', 'direct', [0, 1]);
  await setAvailability(t.db, actor('demo-recruiter-2-2'), { eventDayId: fair.day.id, durationMinutes: 30, startTimes: [at(2)], mode: 'in_person' });
  await setAvailability(t.db, actor('demo-recruiter-2-1'), { eventDayId: fair.day.id, durationMinutes: 30, startTimes: [at(0), at(1)], mode: 'virtual' });
  expect(await modeOf('demo-recruiter-2-1')).toBe('virtual');
  expect(await modeOf('demo-recruiter-2-2')).toBe('in_person');
  const options = await slotOptions(t.db, fair.event.id, 'demo-recruiter-2-1', fair.event.timeZone, new Date());
  expect(options).toHaveLength(2);
  expect(options.every((o) => o.label.endsWith('min, video)'))).toBe(true);
  const mine = (await recruiterDays(t.db, fair.event.id, 'demo-recruiter-2-2')).find((d) => d.day.id === fair.day.id)!;
  expect(mine).toMatchObject({ mode: 'in_person', durationMinutes: 30, day: { recruitersChooseMode: true } });
});

test('a recruiter cannot switch the mode under booked chats', async () => {
  const [slot] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, 'demo-recruiter-2-1'), eq(slots.startsAt, fair.grid[0]!.startsAt)));
  await bookDirect(t.db, actor('demo-talent-02'), { slotId: slot!.id });
  const err = setAvailability(t.db, actor('demo-recruiter-2-1'), { eventDayId: fair.day.id, durationMinutes: 30, startTimes: [at(0), at(1)], mode: 'in_person' });
  expect(await codeOf(err)).toBe('not_allowed_now');
  expect(await modeOf('demo-recruiter-2-1')).toBe('virtual');
});

test('when the organizer fixes the day again, every recruiter follows its mode', async () => {
  await setDayTwoMode('in_person');
  expect(await modeOf('demo-recruiter-2-1')).toBe('in_person');
  expect(await modeOf('demo-recruiter-2-2')).toBe('in_person');
  const [day] = await t.db.select().from(eventDays).where(eq(eventDays.id, fair.day.id));
  expect(dayFormMode(day!)).toBe('in_person');
});
