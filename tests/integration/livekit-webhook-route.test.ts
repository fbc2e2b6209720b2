import { eq } from 'drizzle-orm';
import { chatAttendance, chatRequests, slots } from '@/db/schema';
import { POST } from '@/app/api/livekit/webhook/route';
import { bookDirect } from '@/lib/chats/book-direct';
import { actor, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { LIVEKIT_TEST, signWebhook, webhookBody } from '../helpers/livekit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// The route reads LiveKit's key and secret from the environment, once, on first use.
process.env.LIVEKIT_URL = LIVEKIT_TEST.url;
process.env.LIVEKIT_API_KEY = LIVEKIT_TEST.apiKey;
process.env.LIVEKIT_API_SECRET = LIVEKIT_TEST.apiSecret;

let t: TestDatabase;
let chatId: string;
const post = (body: string, authorization?: string) =>
  POST(new Request('http://localhost/api/livekit/webhook', { method: 'POST', body, headers: { 'content-type': 'application/webhook+json', ...(authorization ? { authorization } : {}) } }));

beforeAll(async () => {
  t = await createTestDatabase();
  globalThis.__fairgroundDatabase = t;
  const fair = await demoFair(t.db);
  await openRecruiter(t.db, fair, 'demo-recruiter-1-1', 'direct', [0]);
  const [slot] = await t.db.select().from(slots).where(eq(slots.recruiterId, 'demo-recruiter-1-1'));
  chatId = (await bookDirect(t.db, actor('demo-talent-02'), { slotId: slot!.id })).chatId;
}, 60_000);
afterAll(async () => {
  globalThis.__fairgroundDatabase = undefined;
  await t.drop();
});

test('a signed delivery is recorded', async () => {
  const body = webhookBody({ event: 'participant_joined', room: `chat-${chatId}`, identity: 'demo-talent-02', sid: 'PA_route', at: new Date() });
  const res = await post(body, await signWebhook(body));
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true, outcome: 'recorded' });
  const rows = await t.db.select().from(chatAttendance).where(eq(chatAttendance.chatId, chatId));
  expect(rows.map((r) => [r.sessionId, r.userId, r.role])).toEqual([['PA_route', 'demo-talent-02', 'talent']]);
});

test('forged, tampered and unsigned deliveries are refused with 401 and change nothing', async () => {
  const body = webhookBody({ event: 'participant_joined', room: `chat-${chatId}`, identity: 'demo-recruiter-1-1', sid: 'PA_forged', at: new Date() });
  const forged = await post(body, await signWebhook(body, 'someone-elses-secret-of-32-chars-plus'));
  expect(forged.status).toBe(401);
  expect((await forged.json()).error.message).toMatch(/signature does not match/);
  const tampered = await post(body.replace('PA_forged', 'PA_tampered'), await signWebhook(body));
  expect(tampered.status).toBe(401);
  expect((await post(body)).status).toBe(401);
  const rows = await t.db.select().from(chatAttendance).where(eq(chatAttendance.chatId, chatId));
  expect(rows.map((r) => r.sessionId)).toEqual(['PA_route']);
  const [chat] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, chatId));
  expect(chat!.status).toBe('confirmed');
});

test('a signed delivery with an impossible time is refused with 422, not a 500', async () => {
  for (const createdAt of ['99999999999999999', '9223372036854775807']) {
    const body = webhookBody({ event: 'participant_joined', room: `chat-${chatId}`, identity: 'demo-talent-02', sid: 'PA_huge', at: new Date() }).replace(/"createdAt":"\d+"/, `"createdAt":"${createdAt}"`);
    const res = await post(body, await signWebhook(body));
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/createdAt is not a plausible time/);
  }
  const rows = await t.db.select().from(chatAttendance).where(eq(chatAttendance.sessionId, 'PA_huge'));
  expect(rows).toHaveLength(0);
});
