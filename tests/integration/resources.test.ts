import { and, eq } from 'drizzle-orm';
import { TokenVerifier, WebhookReceiver } from 'livekit-server-sdk';
import type PgBoss from 'pg-boss';
import { slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { cancelChat } from '@/lib/chats/schedule-chat';
import { createBoss } from '@/lib/jobs/boss';
import { VIDEO_CLOSE_ROOM, registerVideoWorkers } from '@/lib/jobs/video-jobs';
import { canSeeTopic } from '@/lib/live/access';
import { topics } from '@/lib/live/topics';
import { accessTo, issueRoomToken, recordRoomEvent } from '@/lib/resources';
import { registerResource } from '@/lib/resources/registry';
import type { TResource, TResourceKind } from '@/lib/resources/types';
import { attachJobs, detachJobs } from '@/lib/tx/job-sink';
import { actor, codeOf, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { LIVEKIT_TEST, signWebhook, webhookBody } from '../helpers/livekit';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const RECRUITER = 'demo-recruiter-1-1';
let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
let boss: PgBoss;
beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  await openRecruiter(t.db, fair, RECRUITER, 'direct', [0, 1]);
  boss = await createBoss(t, t.url);
  await registerVideoWorkers(boss, { pollingIntervalSeconds: 60 });
  attachJobs(t.db, boss);
}, 60_000);
afterAll(async () => {
  detachJobs(t.db);
  await boss?.stop({ graceful: false, wait: true });
  await t?.drop();
});

async function chatOf(talentId: string, i: number) {
  const [slot] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, RECRUITER), eq(slots.startsAt, fair.grid[i]!.startsAt)));
  return (await bookDirect(t.db, actor(talentId), { slotId: slot!.id })).chatId;
}

test('a 1-1 chat is registered once: roles and permissions come from the registry', async () => {
  const chatId = await chatOf('demo-talent-02', 0);
  const talent = await accessTo(t.db, actor('demo-talent-02'), 'chat', chatId);
  expect([talent.role, talent.can('thread.post'), talent.can('video.publish'), talent.can('thread.moderate')]).toEqual(['talent', true, true, false]);
  const company = await accessTo(t.db, actor('demo-recruiter-1-2'), 'chat', chatId);
  expect([company.role, company.can('thread.read'), company.can('thread.post'), company.can('video.join')]).toEqual(['company', true, false, false]);
  expect(await codeOf(accessTo(t.db, actor('demo-talent-03'), 'chat', chatId))).toBe('not_found');
  expect(await codeOf(accessTo(t.db, null, 'chat', chatId))).toBe('unauthorized');
  expect(await codeOf(accessTo(t.db, actor('demo-talent-02'), 'chat', 'x'))).toBe('invalid_input');
  // /api/live asks the same registry.
  expect(await canSeeTopic(t.db, actor('demo-talent-02'), topics.thread('chat', chatId))).toBe(true);
  expect(await canSeeTopic(t.db, actor('demo-talent-03'), topics.thread('chat', chatId))).toBe(false);
  expect(await canSeeTopic(t.db, actor('demo-talent-03'), topics.chat(chatId))).toBe(false);
});

test('cancelling a confirmed chat closes its room through a job written with the cancellation', async () => {
  const chatId = await chatOf('demo-talent-04', 1);
  await cancelChat(t.db, actor('demo-talent-04'), { chatId, reason: 'Found a job' });
  const jobs = await boss.getDb().executeSql(`select data from pgboss.job where name = $1`, [VIDEO_CLOSE_ROOM]);
  expect(jobs.rows.map((r) => (r as { data: unknown }).data)).toEqual([{ room: `chat-${chatId}` }]);
});

test('a new kind of room is one registration: the token route, the webhook dispatcher and topics serve it', async () => {
  const joined: string[] = [];
  const booth: TResource<{ id: string; eventId: string }, 'host' | 'visitor'> = {
    kind: 'booth' as TResourceKind,
    label: 'booth',
    parseId: (raw) => String(raw),
    load: async (_db, id) => (id === '00000000-0000-4000-8000-00000000b007' ? { id, eventId: fair.event.id } : undefined),
    eventId: (b) => b.eventId,
    roleOf: async (_db, a) => (a.id === RECRUITER ? 'host' : a.id.startsWith('demo-talent') ? 'visitor' : null),
    permissions: { host: ['view', 'video.join', 'video.publish'], visitor: ['view', 'video.join'] },
    video: {
      joinRefusal: () => null,
      recordAttendance: async (_tx, _b, a) => void joined.push(`${a.userId}:${a.role}`),
    },
  };
  registerResource(booth);
  const id = '00000000-0000-4000-8000-00000000b007';
  const host = await issueRoomToken(t.db, actor(RECRUITER), { kind: 'booth', id }, new Date(), LIVEKIT_TEST);
  const visitor = await issueRoomToken(t.db, actor('demo-talent-05'), { kind: 'booth', id }, new Date(), LIVEKIT_TEST);
  const verifier = new TokenVerifier(LIVEKIT_TEST.apiKey, LIVEKIT_TEST.apiSecret);
  expect(host.roomName).toBe(`booth-${id}`);
  expect((await verifier.verify(host.token)).video).toMatchObject({ room: `booth-${id}`, canPublish: true, canPublishSources: ['camera', 'microphone'] });
  expect((await verifier.verify(visitor.token)).video).toMatchObject({ canPublish: false, canPublishSources: [], canSubscribe: true });
  expect(await codeOf(issueRoomToken(t.db, actor('demo-organizer'), { kind: 'booth', id }, new Date(), LIVEKIT_TEST))).toBe('not_found');

  const body = webhookBody({ event: 'participant_joined', room: `booth-${id}`, identity: 'demo-talent-05', sid: 'PA_booth', at: new Date(), id: 'EV_booth' });
  const event = await new WebhookReceiver(LIVEKIT_TEST.apiKey, LIVEKIT_TEST.apiSecret).receive(body, await signWebhook(body));
  expect(await recordRoomEvent(t.db, event)).toBe('recorded');
  expect(await recordRoomEvent(t.db, event)).toBe('duplicate');
  expect(joined).toEqual(['demo-talent-05:visitor']);
  expect(await canSeeTopic(t.db, actor('demo-talent-05'), `thread:booth:${id}` as never)).toBe(false);
});
