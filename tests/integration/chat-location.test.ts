// Issue 10, item 21: an in-person chat's mails and .ics say where it takes place (the day's
// location); a video chat's .ics names the call. On the real database (PostgreSQL with
// TEST_DATABASE_URL, PGlite otherwise).
import { and, eq, sql } from 'drizzle-orm';
import { availability, eventDays, outbox, slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { rescheduleChat } from '@/lib/chats/schedule-chat';
import { dayFormMode } from '@/lib/events/schemas';
import { sendChatReminder } from '@/lib/jobs/send-chat-reminder';
import { updateEvent } from '@/lib/events/update-event';
import { actor, codeOf, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
const slotAt = async (recruiterId: string, i: number) => {
  const [s] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, recruiterId), eq(slots.startsAt, fair.grid[i]!.startsAt)));
  return s!;
};
const mailsOf = (chatId: string, kind: string) =>
  t.db.select().from(outbox).where(and(eq(outbox.kind, kind), sql`${outbox.attachments}::text like ${`%chat-${chatId}@fairground%`}`));
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

const PLACE = 'Hall <B>, booth 12; upstairs';
const organizer = { id: 'demo-organizer', isAdmin: false };

/** The organizer saves the event form with this location on day 2 (in person in the demo fair). */
function saveDayTwoLocation(location: string) {
  return t.db.select().from(eventDays).where(eq(eventDays.eventId, fair.event.id)).then((days) => {
    const e = fair.event;
    return updateEvent(t.db, organizer, e.id, {
      name: e.name, slug: e.slug, description: e.description, timeZone: e.timeZone, status: e.status,
      chatInitiation: e.chatInitiation, talentRequestCredits: e.talentRequestCredits, recruiterRequestCredits: e.recruiterRequestCredits ?? '',
      days: days.map((d) => ({
        date: d.date, mode: dayFormMode(d), opensAt: d.opensAt.slice(0, 5), closesAt: d.closesAt.slice(0, 5), chatDurations: d.chatDurations,
        location: d.id === fair.day.id ? location : (d.location ?? ''),
      })),
    });
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  expect(fair.day.mode).toBe('in_person');
  await saveDayTwoLocation(`  ${PLACE}  `);
  await openRecruiter(t.db, fair, 'demo-recruiter-1-1', 'direct', [0, 1, 2]);
}, 60_000);
afterAll(() => t.drop());

test("an in-person chat's mails and .ics carry the day's location, escaped for each", async () => {
  const { chatId } = await bookDirect(t.db, actor('demo-talent-20'), { slotId: (await slotAt('demo-recruiter-1-1', 0)).id });
  await rescheduleChat(t.db, actor('demo-talent-20'), { chatId, slotId: (await slotAt('demo-recruiter-1-1', 1)).id });
  for (const kind of ['chat.confirmed', 'chat.rescheduled']) {
    const mails = await mailsOf(chatId, kind);
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(m.text).toContain(`Where: ${PLACE} (in person)`);
      expect(m.html).toContain('Hall &lt;B&gt;, booth 12; upstairs');
      expect(m.html).not.toContain('<B>');
      expect(unfold(m.attachments[0]!.content)).toContain('LOCATION:Hall <B>\\, booth 12\\; upstairs\r\n');
      // Not "Join from <link>": nobody joins an in-person chat online.
      expect(unfold(m.attachments[0]!.content)).toMatch(/DESCRIPTION:In person at Hall <B>\\, booth 12\\; upstairs. Your 1-1 chats: http\S*\/events\/demo-fair\/chats\r\n/);
    }
  }
  // The reminder before it names the place too.
  const [moved] = await t.db.select({ startsAt: slots.startsAt }).from(slots).where(eq(slots.id, (await slotAt('demo-recruiter-1-1', 1)).id));
  expect(await sendChatReminder(t.db, { chatId, startsAt: moved!.startsAt.toISOString() }, new Date(moved!.startsAt.getTime() - 15 * 60_000))).toBe('sent');
  const reminders = await t.db.select().from(outbox).where(eq(outbox.kind, 'chat.reminder'));
  expect(reminders).toHaveLength(2);
  for (const m of reminders) expect(m.text).toContain(`Where: ${PLACE} (in person)`);
});

test('a video chat names no room in its mail, and its .ics LOCATION is the call link', async () => {
  await t.db.update(availability).set({ mode: 'virtual' }).where(and(eq(availability.eventDayId, fair.day.id), eq(availability.recruiterId, 'demo-recruiter-1-1')));
  const { chatId } = await bookDirect(t.db, actor('demo-talent-21'), { slotId: (await slotAt('demo-recruiter-1-1', 2)).id });
  const mails = await mailsOf(chatId, 'chat.confirmed');
  expect(mails).toHaveLength(2);
  for (const m of mails) {
    expect(m.text).not.toContain('Where:');
    expect(unfold(m.attachments[0]!.content)).toMatch(/LOCATION:Video call: http\S*\/events\/demo-fair\/chats\r\n/);
    expect(unfold(m.attachments[0]!.content)).toMatch(/DESCRIPTION:Join from http\S*\/events\/demo-fair\/chats\r\n/);
  }
});

test('the organizer\'s location is stored trimmed; one over 200 characters or with a NUL is refused', async () => {
  const [day] = await t.db.select().from(eventDays).where(eq(eventDays.id, fair.day.id));
  expect(day!.location).toBe(PLACE);
  expect(await codeOf(saveDayTwoLocation('x'.repeat(201)))).toBe('invalid_input');
  expect(await codeOf(saveDayTwoLocation('Hall\u0000B'))).toBe('invalid_input');
  await saveDayTwoLocation('   ');
  const [cleared] = await t.db.select().from(eventDays).where(eq(eventDays.id, fair.day.id));
  expect(cleared!.location).toBeNull();
});
