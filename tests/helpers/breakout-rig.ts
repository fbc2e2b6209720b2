import type PgBoss from 'pg-boss';
import { breakoutAction } from '@/lib/breakouts/actions';
import { BREAKOUT_REMOVE_PARTICIPANT, BREAKOUT_TIMER } from '@/lib/breakouts/effects';
import { AppError } from '@/lib/errors';
import { createBoss } from '@/lib/jobs/boss';
import { VIDEO_CLOSE_ROOM } from '@/lib/jobs/video-jobs';
import { issueRoomToken } from '@/lib/resources';
import { attachJobs, detachJobs } from '@/lib/tx/job-sink';
import { actor, demoFair } from './chat-fixtures';
import { LIVEKIT_TEST } from './livekit';
import { createTestDatabase, type TestDatabase } from './test-db';

type TAny = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The breakout integration tests' database: a fresh one with the demo fair, and pg-boss queues
 * for the breakout jobs whose workers do not run, so a test reads the jobs the use-cases wrote.
 * Call it at the top of a test file (it registers beforeAll/afterAll); `t`, `fair` and `boss`
 * are there once beforeAll has run.
 */
export function useBreakoutDatabase() {
  const rig = {} as { t: TestDatabase; fair: Awaited<ReturnType<typeof demoFair>>; boss: PgBoss };
  beforeAll(async () => {
    rig.t = await createTestDatabase();
    rig.fair = await demoFair(rig.t.db);
    rig.boss = await createBoss(rig.t, rig.t.url);
    for (const q of [BREAKOUT_TIMER, BREAKOUT_REMOVE_PARTICIPANT, VIDEO_CLOSE_ROOM]) await rig.boss.createQueue(q, { name: q });
    attachJobs(rig.t.db, rig.boss);
  }, 60_000);
  afterAll(async () => {
    if (rig.t) detachJobs(rig.t.db);
    await rig.boss?.stop({ graceful: false, wait: true });
    await rig.t?.drop();
  });
  return {
    rig,
    /** One POST /api/sessions/:id/breakouts action, as `who`. */
    act: (sessionId: string, who: string, input: unknown, now = new Date()) => breakoutAction(rig.t.db, actor(who), sessionId, input, now) as Promise<TAny>,
    /** A LiveKit token for a breakout room, as `who`. */
    token: (who: string, roomId: string) => issueRoomToken(rig.t.db, actor(who), { kind: 'breakout', id: roomId }, new Date(), LIVEKIT_TEST),
    /** The jobs of one queue the use-cases wrote, oldest first. */
    jobs: async (name: string) =>
      (await rig.boss.getDb().executeSql(`select data, start_after from pgboss.job where name = $1 order by created_on`, [name])).rows as { data: TAny; start_after: Date }[],
  };
}

/** The domain error a promise rejects with (the test fails on success or on any other error). */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof AppError)) throw new Error(`expected a domain error, got ${String(err)}`);
  return err;
}
