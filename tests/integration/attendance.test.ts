import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { WebhookReceiver } from 'livekit-server-sdk';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AttendanceList } from '@/components/admin/attendance-list';
import { availability, eventDays, slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { completeChats } from '@/lib/chats/complete-chats';
import { cancelChat } from '@/lib/chats/schedule-chat';
import { setAvailability } from '@/lib/chats/set-availability';
import { formatInstant } from '@/lib/time/format';
import { chatAttendanceSummary, eventChatAttendance, listChatAttendance, type TAttendanceChat } from '@/lib/chats/attendance-queries';
import { addChatColleague } from '@/lib/chats/chat-colleagues';
import { recordRoomEvent } from '@/lib/resources';
import { actor, codeOf, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { LIVEKIT_TEST, signWebhook, webhookBody } from '../helpers/livekit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Company 1: demo-recruiter-1-1 holds the video chats, demo-recruiter-1-2 is the colleague.
let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
const RECRUITER = 'demo-recruiter-1-1';
const COLLEAGUE = 'demo-recruiter-1-2';
const IN_PERSON_RECRUITER = 'demo-recruiter-3-1';
const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
type TBooked = { id: string; startsAt: Date; endsAt: Date };
const chats: Record<'attended' | 'talentAbsent' | 'recruiterAbsent' | 'cancelled' | 'upcoming' | 'inPerson', TBooked> = {} as never;

async function book(recruiterId: string, talentId: string, gridIndex: number): Promise<TBooked> {
  const [slot] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, recruiterId), eq(slots.startsAt, fair.grid[gridIndex]!.startsAt)));
  const { chatId } = await bookDirect(t.db, actor(talentId), { slotId: slot!.id });
  return { id: chatId, startsAt: slot!.startsAt, endsAt: slot!.endsAt };
}

/** A LiveKit participant webhook for a chat's room, signed and received as the route does. */
async function webhook(event: 'participant_joined' | 'participant_left', chat: TBooked, identity: string, sid: string, at: number, joinedAt = at) {
  const body = webhookBody({ event, room: `chat-${chat.id}`, identity, sid, at: minutes(chat.startsAt, at), joinedAt: minutes(chat.startsAt, joinedAt) });
  const received = await new WebhookReceiver(LIVEKIT_TEST.apiKey, LIVEKIT_TEST.apiSecret).receive(body, await signWebhook(body));
  expect(await recordRoomEvent(t.db, received, minutes(chat.startsAt, at))).toBe('recorded');
}
const session = async (chat: TBooked, identity: string, from: number, to: number | null) => {
  const sid = `PA_${randomUUID()}`;
  await webhook('participant_joined', chat, identity, sid, from);
  if (to !== null) await webhook('participant_left', chat, identity, sid, to, from);
  return sid;
};
let talentSid = '';

const byId = (list: TAttendanceChat[], chat: TBooked) => list.find((c) => c.id === chat.id)!;
const presence = (firstJoinedAt: Date | null, mins: number, isInCall = false) => ({ firstJoinedAt, minutes: mins, isInCall });

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  // Day 2 becomes hybrid so this recruiter can hold video chats on it.
  await t.db.update(eventDays).set({ recruitersChooseMode: true }).where(eq(eventDays.id, fair.day.id));
  await openRecruiter(t.db, fair, RECRUITER, 'direct', [0, 1, 2, 3, 4]);
  await setAvailability(t.db, actor(RECRUITER), { eventDayId: fair.day.id, durationMinutes: 30, startTimes: [0, 1, 2, 3, 4].map((i) => fair.grid[i]!.startsAt.toISOString()), mode: 'virtual' });
  await openRecruiter(t.db, fair, IN_PERSON_RECRUITER, 'direct', [5]);
  await t.db.update(availability).set({ mode: 'in_person' }).where(eq(availability.recruiterId, IN_PERSON_RECRUITER));

  chats.attended = await book(RECRUITER, 'demo-talent-02', 0);
  chats.talentAbsent = await book(RECRUITER, 'demo-talent-03', 1);
  chats.recruiterAbsent = await book(RECRUITER, 'demo-talent-04', 2);
  chats.cancelled = await book(RECRUITER, 'demo-talent-05', 3);
  chats.upcoming = await book(RECRUITER, 'demo-talent-06', 4);
  chats.inPerson = await book(IN_PERSON_RECRUITER, 'demo-talent-07', 5);
  await cancelChat(t.db, actor('demo-talent-05'), { chatId: chats.cancelled.id, reason: 'Cannot make it' });
  await addChatColleague(t.db, actor(RECRUITER), { chatId: chats.talentAbsent.id, userId: COLLEAGUE }, minutes(chats.talentAbsent.startsAt, -60));
}, 60_000);
afterAll(() => t.drop());

test('no chats yet: zero figures and an empty list', async () => {
  const other = randomUUID();
  expect(await chatAttendanceSummary(t.db, other)).toEqual({ confirmed: 0, completed: 0, cancelled: 0, talentNoShows: 0, recruiterNoShows: 0 });
  expect(await listChatAttendance(t.db, other, 'all')).toEqual([]);
});

test('during a call: who is in it, since when, and for how long so far', async () => {
  const chat = chats.attended;
  await session(chat, RECRUITER, 0, null);
  talentSid = await session(chat, 'demo-talent-02', 1, null);
  const list = await listChatAttendance(t.db, fair.event.id, 'all', minutes(chat.startsAt, 10));
  expect(byId(list, chat)).toMatchObject({
    status: 'confirmed',
    talent: { presence: presence(minutes(chat.startsAt, 1), 9, true), noShow: null },
    recruiter: { presence: presence(chat.startsAt, 10, true), noShow: null },
    colleagues: [],
  });
});

test('after the chats: figures, per-side minutes (overlapping sessions merged, open ones capped at the end) and colleagues', async () => {
  const { attended, talentAbsent, recruiterAbsent, upcoming, inPerson } = chats;
  // The talent's first session (from 1') ends at 20'; a second device was in from 15' to 25'.
  await session(attended, 'demo-talent-02', 15, 25);
  await webhook('participant_left', attended, 'demo-talent-02', talentSid, 20, 1);
  // A colleague of the company joins without having been added: still listed, as a colleague.
  await session(attended, COLLEAGUE, 5, 10);
  await session(talentAbsent, COLLEAGUE, 3, 28);
  // Leaving at the end completes that chat at once (the webhook); the job completes the other two.
  await session(recruiterAbsent, 'demo-talent-04', 0, 30);
  expect(await completeChats(t.db, minutes(recruiterAbsent.endsAt, 1), { video: true })).toBe(2);

  const now = minutes(recruiterAbsent.endsAt, 2);
  const { summary, chats: list } = await eventChatAttendance(t.db, actor('demo-organizer'), fair.event.id, 'all', now);
  expect(summary).toEqual({ confirmed: 2, completed: 3, cancelled: 1, talentNoShows: 1, recruiterNoShows: 1 });
  // Confirmed and completed only, by start time; the cancelled chat is counted but not listed.
  expect(list.map((c) => c.id)).toEqual([attended.id, talentAbsent.id, recruiterAbsent.id, upcoming.id, inPerson.id]);
  expect(list.map((c) => [c.status, c.mode])).toEqual([
    ['completed', 'virtual'],
    ['completed', 'virtual'],
    ['completed', 'virtual'],
    ['confirmed', 'virtual'],
    ['confirmed', 'in_person'],
  ]);

  // 1'–25' in two overlapping sessions is 24 minutes, not 29; the recruiter never left, so
  // their open session counts up to the chat's end (30'), not up to now.
  expect(byId(list, attended)).toMatchObject({
    company: { name: 'Northwind Analytics' },
    colleagues: [{ id: COLLEAGUE, name: 'Tom Bakker', presence: presence(minutes(attended.startsAt, 5), 5) }],
    talent: { id: 'demo-talent-02', presence: presence(minutes(attended.startsAt, 1), 24), noShow: false },
    recruiter: { id: RECRUITER, name: 'Nora Visser', presence: presence(attended.startsAt, 30), noShow: false },
  });
  // The colleague added beforehand carries the recruiter's side.
  expect(byId(list, talentAbsent)).toMatchObject({
    talent: { presence: presence(null, 0), noShow: true },
    recruiter: { presence: presence(null, 0), noShow: false },
    colleagues: [{ id: COLLEAGUE, name: 'Tom Bakker', presence: presence(minutes(talentAbsent.startsAt, 3), 25) }],
  });
  expect(byId(list, recruiterAbsent)).toMatchObject({
    talent: { presence: presence(recruiterAbsent.startsAt, 30), noShow: false },
    recruiter: { presence: presence(null, 0), noShow: true },
    colleagues: [],
  });
  expect(byId(list, inPerson)).toMatchObject({ recruiter: { id: IN_PERSON_RECRUITER }, talent: { noShow: null }, colleagues: [] });

  // Only the chats with a no-show on either side.
  const noShows = await listChatAttendance(t.db, fair.event.id, 'no-shows', now);
  expect(noShows.map((c) => c.id)).toEqual([talentAbsent.id, recruiterAbsent.id]);

  // The list shows one No-show badge per absent side, and times in the event's zone.
  const html = renderToStaticMarkup(createElement(AttendanceList, { chats: list, timeZone: fair.event.timeZone }));
  expect(html.match(/No-show/g)).toHaveLength(2);
  expect(html).toContain('In person — not tracked');
  expect(html).toContain('Tom Bakker (colleague)');
  expect(html).toContain(`Joined <time dateTime="${minutes(attended.startsAt, 1).toISOString()}">${formatInstant(minutes(attended.startsAt, 1), 'Europe/Berlin')}</time> · 24 min`);
});

test('only organizers (and admins) see attendance', async () => {
  const see = (who: Parameters<typeof eventChatAttendance>[1]) => codeOf(eventChatAttendance(t.db, who, fair.event.id, 'all'));
  expect(await see(actor('demo-organizer'))).toBe('ok');
  expect(await see({ id: 'demo-talent-02', isAdmin: true })).toBe('ok');
  expect(await see(actor('demo-talent-02'))).toBe('forbidden');
  expect(await see(actor(RECRUITER))).toBe('forbidden');
  expect(await see(null)).toBe('unauthorized');
});
