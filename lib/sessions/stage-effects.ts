import 'server-only';
import type PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import { roomName } from '@/lib/resources/rooms';
import type { TWork } from '@/lib/tx/in-tx';
import { setPublishSources } from '@/lib/video/participant-permissions';
import { videoConfig, type TVideoConfig } from '@/lib/video/video-config';
import { reconcileSessionAttendance } from './reconcile-attendance';
import { isOnStage } from './room';

export const SESSION_STAGE_SYNC = 'session-stage-sync';
export const SESSION_ATTENDANCE_RECONCILE = 'session-attendance-reconcile';
export type TStageSyncJob = { sessionId: string; userId: string };

/**
 * Makes LiveKit's permission of one participant match the stage in PostgreSQL: publish
 * (camera, microphone, screen) while on stage, nothing otherwise — every permission field
 * sent. Reading the state instead of carrying "grant"/"revoke" makes it safe to run twice or
 * out of order. Someone not connected needs nothing: their next token carries the stage state.
 */
export async function syncStagePermission(db: Db, job: TStageSyncJob, config: TVideoConfig | undefined = videoConfig()): Promise<'applied' | 'not_connected' | 'skipped'> {
  if (!config) return 'skipped';
  const onStage = await isOnStage(db, job.sessionId, job.userId);
  try {
    await setPublishSources(roomName('session', job.sessionId), job.userId, onStage ? 'camera_microphone_screen' : 'none', config);
    return 'applied';
  } catch (err) {
    if (/not.?found|not in room|does not exist/i.test(String((err as Error)?.message))) return 'not_connected';
    throw err;
  }
}

/**
 * Queues the sync with the stage change, in its transaction (retried until LiveKit answers),
 * and also runs it right after the commit, so the participant waits no job poll to publish.
 */
export function syncStageLater(db: Db, work: TWork, job: TStageSyncJob): void {
  work.enqueue(SESSION_STAGE_SYNC, job, { singletonKey: `${job.sessionId}:${job.userId}` });
  work.afterCommit(() => syncStagePermission(db, job));
}

export async function registerSessionWorkers(boss: PgBoss, db: Db, options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  await boss.createQueue(SESSION_STAGE_SYNC, { name: SESSION_STAGE_SYNC, policy: 'short', retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 });
  await boss.work<TStageSyncJob>(SESSION_STAGE_SYNC, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([job]) => syncStagePermission(db, job!.data));
  // Every minute, one instance compares open attendance with the rooms LiveKit lists.
  await boss.createQueue(SESSION_ATTENDANCE_RECONCILE, { name: SESSION_ATTENDANCE_RECONCILE, policy: 'singleton', retryLimit: 0, expireInSeconds: 120 });
  await boss.work(SESSION_ATTENDANCE_RECONCILE, { pollingIntervalSeconds: 5 }, () => reconcileSessionAttendance(db));
  await boss.schedule(SESSION_ATTENDANCE_RECONCILE, '* * * * *');
}
