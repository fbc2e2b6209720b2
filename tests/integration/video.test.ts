import { and, eq } from 'drizzle-orm';
import { TokenVerifier, WebhookReceiver } from 'livekit-server-sdk';
import { availability, chatAttendance, chatRequests, creditAccounts, eventDays, events, notifications, slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { completeChats } from '@/lib/chats/complete-chats';
import { cancelChat } from '@/lib/chats/schedule-chat';
import { saveRecruiterNote } from '@/lib/chats/recruiter-note';
import { setAvailability } from '@/lib/chats/set-availability';
import { addChatColleague, listChatColleagues } from '@/lib/chats/chat-colleagues';
import { listMessages, postMessage } from '@/lib/threads';
import { issueRoomToken, recordRoomEvent } from '@/lib/resources';
import { actor, codeOf, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { LIVEKIT_TEST, signWebhook, webhookBody } from '../helpers/livekit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Company 1: demo-recruiter-1-1 (admin) and demo-recruiter-1-2; company 2 is a stranger here.
let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
const RECRUITER = 'demo-recruiter-1-1';
const COLLEAGUE = 'demo-recruiter-1-2';
const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
const verifier = new TokenVerifier(LIVEKIT_TEST.apiKey, LIVEKIT_TEST.apiSecret);

async function book(talentId: string, gridIndex: number): Promise<{ id: string; startsAt: Date; endsAt: Date }> {
  const [slot] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, RECRUITER), eq(slots.startsAt, fair.grid[gridIndex]!.startsAt)));
  const { chatId } = await bookDirect(t.db, actor(talentId), { slotId: slot!.id });
  return { id: chatId, startsAt: slot!.startsAt, endsAt: slot!.endsAt };
}
const token = (who: string | null, chatId: string, now: Date) => issueRoomToken(t.db, who ? actor(who) : null, { chatId }, now, LIVEKIT_TEST);
async function webhook(f: Parameters<typeof webhookBody>[0], now: Date) {
  const body = webhookBody(f);
  const event = await new WebhookReceiver(LIVEKIT_TEST.apiKey, LIVEKIT_TEST.apiSecret).receive(body, await signWebhook(body));
  return recordRoomEvent(t.db, event, now);
}

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  // Day 2 becomes hybrid so this recruiter can hold video chats on it.
  await t.db.update(eventDays).set({ recruitersChooseMode: true }).where(eq(eventDays.id, fair.day.id));
  await openRecruiter(t.db, fair, RECRUITER, 'direct', [0, 1, 2, 3, 4]);
  await setAvailability(t.db, actor(RECRUITER), { eventDayId: fair.day.id, durationMinutes: 30, startTimes: [0, 1, 2, 3, 4].map((i) => fair.grid[i]!.startsAt.toISOString()), mode: 'virtual' });
}, 60_000);
afterAll(() => t.drop());

test('the talent and the recruiter get a token inside the window, with exactly the grants of a 1-1 call', async () => {
  const chat = await book('demo-talent-02', 0);
  for (const [who, role] of [['demo-talent-02', 'talent'], [RECRUITER, 'recruiter']] as const) {
    const details = await token(who, chat.id, minutes(chat.startsAt, -3));
    expect(details).toMatchObject({ serverUrl: LIVEKIT_TEST.url, roomName: `chat-${chat.id}`, role });
    const claims = await verifier.verify(details.token);
    expect(claims.sub).toBe(who);
    expect(claims.name).toBe(details.participantName);
    expect(JSON.parse(claims.metadata!)).toEqual({ chatId: chat.id, role });
    expect(claims.video).toEqual({
      room: `chat-${chat.id}`,
      roomJoin: true,
      canPublish: true,
      canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
      canSubscribe: true,
      canPublishData: true,
    });
    // Short-lived: ten minutes to connect.
    expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(600);
  }
});

test('too early, too late, strangers, the signed-out and colleagues not added are refused with a reason', async () => {
  const chat = await book('demo-talent-03', 1);
  const refused = async (who: string | null, now: Date) => {
    try {
      await token(who, chat.id, now);
      return 'issued';
    } catch (e) {
      return `${(e as { code: string }).code}: ${(e as Error).message}`;
    }
  };
  expect(await refused('demo-talent-03', minutes(chat.startsAt, -6))).toMatch(/^forbidden: The call opens at .* \(Europe\/Berlin\), 5 minutes before the chat\.$/);
  expect(await refused('demo-talent-03', chat.endsAt)).toBe('forbidden: This chat has ended; its call is closed.');
  // Strangers learn nothing, not even that the chat exists.
  expect(await refused('demo-talent-04', chat.startsAt)).toBe('not_found: This 1-1 chat does not exist.');
  expect(await refused('demo-recruiter-2-1', chat.startsAt)).toBe('not_found: This 1-1 chat does not exist.');
  expect(await refused(COLLEAGUE, chat.startsAt)).toMatch(/^forbidden: Add yourself to this chat from All 1-1 Chats/);
  expect(await refused(null, chat.startsAt)).toMatch(/^unauthorized/);
  expect(await codeOf(issueRoomToken(t.db, actor('demo-talent-03'), { chatId: chat.id }, chat.startsAt, undefined))).toBe('unavailable');
  expect(await codeOf(issueRoomToken(t.db, actor('demo-talent-03'), { chatId: 'nope' }, chat.startsAt, LIVEKIT_TEST))).toBe('invalid_input');

  // A colleague added beforehand gets in, as a colleague.
  expect(await codeOf(addChatColleague(t.db, actor('demo-recruiter-2-1'), { chatId: chat.id }, chat.startsAt))).toBe('forbidden');
  await addChatColleague(t.db, actor(RECRUITER), { chatId: chat.id, userId: COLLEAGUE }, minutes(chat.startsAt, -60));
  expect(await listChatColleagues(t.db, chat.id)).toEqual([{ id: COLLEAGUE, name: 'Tom Bakker' }]);
  const colleague = await token(COLLEAGUE, chat.id, chat.startsAt);
  expect(JSON.parse((await verifier.verify(colleague.token)).metadata!).role).toBe('colleague');

  // Once cancelled, nobody gets in any more.
  await cancelChat(t.db, actor('demo-talent-03'), { chatId: chat.id, reason: 'Found a job' });
  expect(await refused(RECRUITER, chat.startsAt)).toBe('forbidden: This chat is cancelled, so its call is closed.');
});

test('an in-person chat has no call', async () => {
  const [other] = await t.db.select().from(events).where(eq(events.id, fair.event.id));
  await openRecruiter(t.db, fair, 'demo-recruiter-3-1', 'direct', [5]);
  await t.db.update(availability).set({ mode: 'in_person' }).where(eq(availability.recruiterId, 'demo-recruiter-3-1'));
  const [slot] = await t.db.select().from(slots).where(eq(slots.recruiterId, 'demo-recruiter-3-1'));
  const { chatId } = await bookDirect(t.db, actor('demo-talent-05'), { slotId: slot!.id });
  expect(other!.joinOpensMinutesBefore).toBe(5);
  await expect(token('demo-talent-05', chatId, slot!.startsAt)).rejects.toThrow('This chat takes place in person, not on video.');
});

test('messages are stored in the chat\'s thread, for its people only', async () => {
  const chat = await book('demo-talent-06', 2);
  const post = (who: string, body: string) => postMessage(t.db, actor(who), { kind: 'chat', ownerId: chat.id, body });
  await post('demo-talent-06', '  Hello, can you hear me?  ');
  await post(RECRUITER, 'Loud and clear.');
  // Someone outside the chat learns nothing, not even that it exists.
  expect(await codeOf(post('demo-talent-07', 'Hi'))).toBe('not_found');
  expect(await codeOf(post('demo-talent-06', '   '))).toBe('invalid_input');
  expect(await codeOf(listMessages(t.db, actor('demo-talent-07'), { kind: 'chat', ownerId: chat.id }))).toBe('not_found');
  expect(await codeOf(listMessages(t.db, actor('demo-talent-06'), { kind: 'chat', ownerId: 'not-a-chat' }))).toBe('invalid_input');
  const { items: list } = await listMessages(t.db, actor(COLLEAGUE), { kind: 'chat', ownerId: chat.id });
  expect(list.map((m) => m.body)).toEqual(['Hello, can you hear me?', 'Loud and clear.']);
  expect(list[1]!.authorName).toBe('Nora Visser');
  expect(list.map((m) => m.authorId)).toEqual(['demo-talent-06', RECRUITER]);
});

test('webhooks record attendance once per delivery and drive completion; a recruiter no-show refunds the talent', async () => {
  const attended = await book('demo-talent-08', 3);
  const ghosted = await book('demo-talent-09', 4);
  const room = `chat-${attended.id}`;
  const joinedAt = minutes(attended.startsAt, 1);
  const delivery = { event: 'participant_joined', room, identity: 'demo-talent-08', sid: 'PA_talent', at: joinedAt, id: 'EV_join_talent' };
  expect(await webhook(delivery, joinedAt)).toBe('recorded');
  expect(await webhook(delivery, joinedAt)).toBe('duplicate');
  expect(await webhook({ event: 'participant_joined', room, identity: RECRUITER, sid: 'PA_rec', at: minutes(attended.startsAt, 2) }, joinedAt)).toBe('recorded');
  expect(await webhook({ event: 'participant_joined', room: 'some-other-room', identity: RECRUITER, at: joinedAt }, joinedAt)).toBe('ignored');
  expect(await webhook({ event: 'participant_left', room, identity: 'demo-talent-08', sid: 'PA_talent', at: minutes(attended.startsAt, 20) }, minutes(attended.startsAt, 20))).toBe('recorded');
  const rows = await t.db.select().from(chatAttendance).where(eq(chatAttendance.chatId, attended.id));
  expect(rows.map((r) => [r.userId, r.role, r.joinedAt.getTime(), r.leftAt?.getTime() ?? null]).sort()).toEqual(
    [['demo-talent-08', 'talent', Math.floor(joinedAt.getTime() / 1000) * 1000, Math.floor(minutes(attended.startsAt, 20).getTime() / 1000) * 1000], [RECRUITER, 'recruiter', Math.floor(minutes(attended.startsAt, 2).getTime() / 1000) * 1000, null]].sort(),
  );
  // The recruiter leaves after the end: the room's last event completes the chat at once.
  const after = minutes(attended.endsAt, 1);
  await webhook({ event: 'participant_left', room, identity: RECRUITER, sid: 'PA_rec', at: after }, after);
  const [done] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, attended.id));
  expect(done).toMatchObject({ status: 'completed', talentNoShow: false, recruiterNoShow: false });

  // Only the talent came to the other chat; the job completes it and marks the recruiter absent.
  await webhook({ event: 'participant_joined', room: `chat-${ghosted.id}`, identity: 'demo-talent-09', at: minutes(ghosted.startsAt, 0) }, ghosted.startsAt);
  const spentBefore = (await t.db.select().from(creditAccounts).where(eq(creditAccounts.userId, 'demo-talent-09')))[0]!.spent;
  // With it end the earlier chats of this file that nobody joined (grid slots 0 and 2).
  expect(await completeChats(t.db, minutes(ghosted.endsAt, 1), { video: true })).toBe(3);
  const [ghost] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, ghosted.id));
  expect(ghost).toMatchObject({ status: 'completed', talentNoShow: false, recruiterNoShow: true });
  const spentAfter = (await t.db.select().from(creditAccounts).where(eq(creditAccounts.userId, 'demo-talent-09')))[0]!.spent;
  expect(spentAfter).toBe(spentBefore - 1);
  const told = await t.db.select().from(notifications).where(and(eq(notifications.userId, 'demo-talent-09'), eq(notifications.kind, 'chat.no_show')));
  expect(told).toHaveLength(1);
  // Completing again changes nothing and refunds nothing twice.
  expect(await completeChats(t.db, minutes(ghosted.endsAt, 2), { video: true })).toBe(0);
  const [nobody] = await t.db.select().from(chatRequests).where(and(eq(chatRequests.talentId, 'demo-talent-02'), eq(chatRequests.recruiterId, RECRUITER)));
  expect(nobody).toMatchObject({ status: 'completed', talentNoShow: true, recruiterNoShow: true });
  // An in-person chat completes without any no-show verdict: there is no call to attend.
  const [inPerson] = await t.db.select().from(chatRequests).where(eq(chatRequests.talentId, 'demo-talent-05'));
  expect(await completeChats(t.db, minutes(inPerson!.endsAt!, 1), { video: true })).toBe(1);
  expect((await t.db.select().from(chatRequests).where(eq(chatRequests.id, inPerson!.id)))[0]).toMatchObject({ status: 'completed', talentNoShow: null, recruiterNoShow: null });

  // The recruiter's company keeps a private note on it.
  await saveRecruiterNote(t.db, actor(COLLEAGUE), { chatId: ghosted.id, note: 'Reach out again — we missed them.' });
  expect(await codeOf(saveRecruiterNote(t.db, actor('demo-talent-09'), { chatId: ghosted.id, note: 'x' }))).toBe('forbidden');
  expect((await t.db.select().from(chatRequests).where(eq(chatRequests.id, ghosted.id)))[0]!.recruiterNote).toBe('Reach out again — we missed them.');
});

test('a forged webhook is refused by the receiver', async () => {
  const body = webhookBody({ event: 'participant_joined', room: 'chat-x', identity: RECRUITER, at: new Date() });
  const receiver = new WebhookReceiver(LIVEKIT_TEST.apiKey, LIVEKIT_TEST.apiSecret);
  await expect(receiver.receive(body, await signWebhook(body, 'another-secret-of-at-least-32-chars!!'))).rejects.toThrow();
  await expect(receiver.receive(body.replace('participant_joined', 'room_finished'), await signWebhook(body))).rejects.toThrow(/sha256/);
});
