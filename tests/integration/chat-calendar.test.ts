// A confirmed 1-1 chat's .ics from My Schedule ("Add to calendar"): the same calendar entry its
// mails attach, for the people in the chat only. On the real database (PostgreSQL with
// TEST_DATABASE_URL, PGlite otherwise).
import { and, eq, sql } from 'drizzle-orm';
import { outbox, slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { chatCalendar } from '@/lib/chats/chat-calendar';
import { requestChat } from '@/lib/chats/request-chat';
import { cancelChat } from '@/lib/chats/schedule-chat';
import { actor, codeOf, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  await openRecruiter(t.db, fair, 'demo-recruiter-1-1', 'direct', [0, 1]);
  await openRecruiter(t.db, fair, 'demo-recruiter-2-1', 'selective', [0]);
}, 60_000);
afterAll(() => t.drop());

test("the talent and the recruiter download the chat's calendar entry, the one its confirmation mail carries", async () => {
  const [slot] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, 'demo-recruiter-1-1'), eq(slots.startsAt, fair.grid[0]!.startsAt)));
  const { chatId } = await bookDirect(t.db, actor('demo-talent-21'), { slotId: slot!.id });

  const mine = await chatCalendar(t.db, actor('demo-talent-21'), chatId);
  expect(mine.filename).toBe(`chat-${chatId.slice(0, 8)}.ics`);
  const ics = unfold(mine.ics);
  expect(ics).toContain('METHOD:REQUEST');
  expect(ics).toContain(`UID:chat-${chatId}@fairground`);
  expect(ics).toContain('SUMMARY:1-1 chat: Aisha Lindqvist & Nora Visser (Fairground Demo Career Fair)');
  expect(ics).toMatch(/DTSTART;TZID=Europe\/Berlin:\d{8}T\d{6}/);
  expect((await chatCalendar(t.db, actor('demo-recruiter-1-1'), chatId)).ics).toContain(`UID:chat-${chatId}@fairground`);

  // The same entry as the mail's attachment (only its DTSTAMP, the moment it was written, differs).
  const [mail] = await t.db.select().from(outbox).where(and(eq(outbox.kind, 'chat.confirmed'), sql`${outbox.attachments}::text like ${`%chat-${chatId}@fairground%`}`)).limit(1);
  const withoutStamp = (s: string) => unfold(s).replace(/DTSTAMP:\d{8}T\d{6}Z/, '');
  expect(withoutStamp(mine.ics)).toBe(withoutStamp(mail!.attachments[0]!.content));

  // Cancelled: the download takes it out of the calendar.
  await cancelChat(t.db, actor('demo-talent-21'), { chatId, reason: 'A clash with a lecture' });
  const cancelled = unfold((await chatCalendar(t.db, actor('demo-talent-21'), chatId)).ics);
  expect(cancelled).toContain('METHOD:CANCEL');
  expect(cancelled).toContain('STATUS:CANCELLED');
});

test('nobody outside the chat gets it: another talent, a colleague not in it, a stranger id, no one signed in', async () => {
  const [slot] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, 'demo-recruiter-1-1'), eq(slots.startsAt, fair.grid[1]!.startsAt)));
  const { chatId } = await bookDirect(t.db, actor('demo-talent-22'), { slotId: slot!.id });
  expect(await codeOf(chatCalendar(t.db, actor('demo-talent-23'), chatId))).toBe('not_found');
  // Tom Bakker works at Nora's company and may read the record, but is not in this chat.
  expect(await codeOf(chatCalendar(t.db, actor('demo-recruiter-1-2'), chatId))).toBe('forbidden');
  expect(await codeOf(chatCalendar(t.db, actor('demo-talent-22'), 'not-a-chat'))).toBe('invalid_input');
  expect(await codeOf(chatCalendar(t.db, null, chatId))).toBe('unauthorized');
});

test('a request without a time yet says it joins the calendar once a time is picked', async () => {
  const { chatId } = await requestChat(t.db, actor('demo-talent-24'), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: 'I would like to hear about the firmware team.' });
  expect(await codeOf(chatCalendar(t.db, actor('demo-talent-24'), chatId))).toBe('not_allowed_now');
});
