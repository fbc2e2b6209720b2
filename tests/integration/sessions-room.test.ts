import { eq } from 'drizzle-orm';
import { WebhookReceiver } from 'livekit-server-sdk';
import { eventSessions, sessionAttendance, users } from '@/db/schema';
import { reconcileSessionAttendance } from '@/lib/sessions/reconcile-attendance';
import { roomData } from '@/lib/sessions/room-data';
import { issueRoomToken, recordRoomEvent } from '@/lib/resources';
import { actOnMessage, listMessages, postMessage } from '@/lib/threads';
import { signUp } from '@/lib/sessions/sign-up';
import { decideStage, goOnStage, requestStage } from '@/lib/sessions/stage';
import { actor, codeOf, demoFair } from '../helpers/chat-fixtures';
import { HOST, makeSession, talent } from '../helpers/session-fixtures';
import { LIVEKIT_TEST, signWebhook, webhookBody } from '../helpers/livekit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const VIDEO = { url: 'ws://127.0.0.1:7880', apiKey: 'devkey', apiSecret: 'a-test-secret-of-at-least-32-chars!!' };
let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  await t.db.insert(users).values({ id: 'stranger', name: 'Stranger', email: 'stranger@example.test' });
}, 60_000);
afterAll(() => t.drop());

async function openNow(id: string) {
  const start = new Date(Date.now() - 5 * 60_000);
  await t.db.update(eventSessions).set({ startsAt: start, endsAt: new Date(start.getTime() + 60 * 60_000) }).where(eq(eventSessions.id, id));
}
type TGrant = { video: { room: string; canPublish?: boolean; canSubscribe?: boolean; canPublishData?: boolean; canPublishSources?: string[] } };
// The token's claims, read as LiveKit reads them (the payload of the JWT).
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as TGrant;
const grantOf = async (userId: string, sessionId: string) => claims((await issueRoomToken(t.db, actor(userId), { kind: 'session', id: sessionId }, new Date(), VIDEO)).token);

test('hosts publish, the audience only subscribes, and stage membership from PostgreSQL is in every new token', async () => {
  const id = await makeSession(t.db, fair, { title: 'Token session' });
  await openNow(id);
  const hostGrant = await grantOf(HOST, id);
  expect(hostGrant.video).toMatchObject({ room: `session-${id}`, canPublish: true, canSubscribe: true, canPublishData: true });
  expect(hostGrant.video.canPublishSources).toEqual(expect.arrayContaining(['camera', 'microphone', 'screen_share']));
  const audience = await grantOf(talent(5), id);
  expect(audience.video).toMatchObject({ canPublish: false, canSubscribe: true });
  expect(audience.video.canPublishSources ?? []).toEqual([]);
  const { requestId } = await requestStage(t.db, actor(talent(5)), id);
  await decideStage(t.db, actor(HOST), { requestId, decision: 'accept' });
  // Accepted but still counting down: not yet publishing.
  expect((await grantOf(talent(5), id)).video.canPublish).toBe(false);
  await goOnStage(t.db, actor(talent(5)), id);
  expect((await grantOf(talent(5), id)).video.canPublish).toBe(true);
  const room = await roomData(t.db, actor(talent(6)), id);
  expect(room.onStage.map((p) => [p.id, p.status])).toEqual([[talent(5), 'ready']]);
  expect(room.pending).toEqual([]);
});

test('no token for a stranger, a waitlisted person, before the room opens, or without sign-up where it is required', async () => {
  const id = await makeSession(t.db, fair, { title: 'Closed session', capacity: '1', signUpRequired: true });
  const token = (userId: string) => codeOf(issueRoomToken(t.db, actor(userId), { kind: 'session', id }, new Date(), VIDEO));
  // Without a seat the room is hidden altogether (404), as from a stranger.
  expect(await token(talent(7))).toBe('not_found');
  await signUp(t.db, actor(talent(7)), id);
  await signUp(t.db, actor(talent(8)), id);
  expect(await token(talent(7))).toBe('forbidden'); // tomorrow: not open yet
  await openNow(id);
  expect(await token(talent(7))).toBe('ok');
  expect(await token(talent(8))).toBe('not_found');
  expect(await token(talent(9))).toBe('not_found');
  expect(await token('stranger')).toBe('not_found');
});

test('the session chat: everyone in the room writes; hosts hide a message, which the audience is then not served', async () => {
  const id = await makeSession(t.db, fair, { title: 'Chat session' });
  const { id: messageId } = await postMessage(t.db, actor(talent(10)), { kind: 'session', ownerId: id, body: 'Hello from the audience' });
  await postMessage(t.db, actor(HOST), { kind: 'session', ownerId: id, body: 'Welcome!' });
  expect(await codeOf(postMessage(t.db, actor('stranger'), { kind: 'session', ownerId: id, body: 'Let me in' }))).toBe('not_found');
  expect(await codeOf(actOnMessage(t.db, actor(talent(11)), { messageId, action: 'hide' }))).toBe('forbidden');
  await actOnMessage(t.db, actor(HOST), { messageId, action: 'hide' });
  const seen = await listMessages(t.db, actor(talent(11)), { kind: 'session', ownerId: id });
  expect(seen.items.map((m) => m.body)).toEqual(['Welcome!']);
  const hosts = await listMessages(t.db, actor(HOST), { kind: 'session', ownerId: id });
  expect(hosts.items).toHaveLength(2);
});

test('attendance that webhooks left open is closed once LiveKit no longer lists the participant', async () => {
  const id = await makeSession(t.db, fair, { title: 'Attendance session' });
  const joined = new Date(Date.now() - 10 * 60_000);
  await t.db.insert(sessionAttendance).values([
    { participantSid: 'PA_still_here', sessionId: id, userId: talent(12), joinedAt: joined },
    { participantSid: 'PA_gone_silently', sessionId: id, userId: talent(13), joinedAt: joined },
  ]);
  const now = new Date();
  // The server's list, as LiveKit's ListParticipants gives it for the session's room.
  const closed = await reconcileSessionAttendance(t.db, now, async (room) => (room === `session-${id}` ? ['PA_still_here'] : []));
  expect(closed).toBe(1);
  const rows = await t.db.select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, id));
  expect(Object.fromEntries(rows.map((r) => [r.participantSid, r.leftAt?.getTime() ?? null]))).toEqual({ PA_still_here: null, PA_gone_silently: now.getTime() });
  const room = await roomData(t.db, actor(talent(12)), id);
  expect(room.audience.map((p) => p.id)).toEqual([talent(12)]);
});

test("LiveKit's webhooks for a session's room record who is in the audience, once per delivery", async () => {
  const id = await makeSession(t.db, fair, { title: 'Webhook session' });
  await openNow(id);
  const deliver = async (event: 'participant_joined' | 'participant_left', identity: string, sid: string, eventId: string) => {
    const body = webhookBody({ event, room: `session-${id}`, identity, sid, at: new Date(), id: eventId });
    return recordRoomEvent(t.db, await new WebhookReceiver(LIVEKIT_TEST.apiKey, LIVEKIT_TEST.apiSecret).receive(body, await signWebhook(body)));
  };
  expect(await deliver('participant_joined', talent(14), 'PA_a', 'EV_1')).toBe('recorded');
  expect(await deliver('participant_joined', talent(14), 'PA_a', 'EV_1')).toBe('duplicate');
  expect(await deliver('participant_joined', HOST, 'PA_h', 'EV_2')).toBe('recorded');
  expect(await deliver('participant_joined', talent(15), 'PA_b', 'EV_3')).toBe('recorded');
  let room = await roomData(t.db, actor(talent(14)), id);
  // Hosts are listed as hosts, not in the audience.
  expect(room.audience.map((p) => p.id).sort()).toEqual([talent(14), talent(15)]);
  expect(await deliver('participant_left', talent(15), 'PA_b', 'EV_4')).toBe('recorded');
  room = await roomData(t.db, actor(talent(14)), id);
  expect(room.audience.map((p) => p.id)).toEqual([talent(14)]);
});
