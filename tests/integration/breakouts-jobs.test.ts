import { eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { breakoutRounds } from '@/db/schema';
import { breakoutAction } from '@/lib/breakouts/actions';
import { removeIfMovedOut, registerBreakoutWorkers } from '@/lib/breakouts/workers';
import { createBoss } from '@/lib/jobs/boss';
import { VIDEO_CLOSE_ROOM } from '@/lib/jobs/video-jobs';
import { attachJobs, detachJobs } from '@/lib/tx/job-sink';
import { actor, demoFair } from '../helpers/chat-fixtures';
import { LIVEKIT_TEST } from '../helpers/livekit';
import { HOST, makeSession, talent } from '../helpers/session-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';
import { startTwirpStandIn } from '../helpers/twirp-stand-in';

// The breakout jobs as pg-boss runs them: the timer written with "open" closes the round by
// itself, and a move out of a room asks LiveKit (a recording stand-in) to remove the person.
let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
let boss: PgBoss;
beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  boss = await createBoss(t, t.url);
  await boss.createQueue(VIDEO_CLOSE_ROOM, { name: VIDEO_CLOSE_ROOM });
  await registerBreakoutWorkers(boss, t.db, { pollingIntervalSeconds: 1 });
  attachJobs(t.db, boss);
}, 60_000);
afterAll(async () => {
  detachJobs(t.db);
  await boss?.stop({ graceful: false, wait: true });
  await t?.drop();
}, 30_000);

type TAny = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const act = (sessionId: string, who: string, input: TAny, now = new Date()) => breakoutAction(t.db, actor(who), sessionId, input, now) as Promise<TAny>;

test('the timer job written with "open" closes the round when it runs out, and its LiveKit rooms are queued for deletion', async () => {
  const id = await makeSession(t.db, fair, { title: 'Timer' });
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'choose' });
  // Opened two minutes ago for one minute: the job is due now.
  await act(id, HOST, { action: 'open', roundId, minutes: 1 }, new Date(Date.now() - 2 * 60_000));
  let status = 'open';
  for (let i = 0; i < 40 && status !== 'closed'; i++) {
    await new Promise((r) => setTimeout(r, 500));
    status = (await t.db.select().from(breakoutRounds).where(eq(breakoutRounds.id, roundId)))[0]!.status;
  }
  expect(status).toBe('closed');
  const jobs = await boss.getDb().executeSql(`select data from pgboss.job where name = $1`, [VIDEO_CLOSE_ROOM]);
  expect(jobs.rows.map((r) => (r as { data: { room: string } }).data.room).sort()).toEqual(roomIds.map((r: string) => `breakout-${r}`).sort());
}, 40_000);

test('a person moved out of a room is removed from its LiveKit room; one moved back in is left alone', async () => {
  const id = await makeSession(t.db, fair, { title: 'Remove' });
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  const [a, b] = roomIds as [string, string];
  await act(id, HOST, { action: 'assign', roundId, userId: talent(5), roomId: a });
  await act(id, HOST, { action: 'open', roundId, minutes: 30 });
  const lk = await startTwirpStandIn();
  try {
    const config = { ...LIVEKIT_TEST, url: lk.url };
    expect(await removeIfMovedOut(t.db, { roomId: a, userId: talent(5) }, config)).toBe('still_assigned');
    await act(id, HOST, { action: 'assign', roundId, userId: talent(5), roomId: b });
    expect(await removeIfMovedOut(t.db, { roomId: a, userId: talent(5) }, config)).toBe('removed');
    expect(lk.calls.map((c) => [c.path, c.body])).toEqual([['/twirp/livekit.RoomService/RemoveParticipant', { room: `breakout-${a}`, identity: talent(5) }]]);
  } finally {
    await lk.close();
  }
  const gone = await startTwirpStandIn(() => ({ status: 404, body: { code: 'not_found', msg: 'participant not found' } }));
  try {
    expect(await removeIfMovedOut(t.db, { roomId: a, userId: talent(5) }, { ...LIVEKIT_TEST, url: gone.url })).toBe('not_connected');
  } finally {
    await gone.close();
  }
  // LiveKit not answering: the job fails, so pg-boss retries it.
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  await expect(removeIfMovedOut(t.db, { roomId: a, userId: talent(5) }, { ...LIVEKIT_TEST, url: gone.url })).rejects.toThrow(/retrying/);
  warn.mockRestore();
});
