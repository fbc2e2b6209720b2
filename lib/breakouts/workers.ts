import 'server-only';
import type PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import { roomName } from '@/lib/resources/rooms';
import { removeParticipant } from '@/lib/video/remove-participant';
import { videoConfig, type TVideoConfig } from '@/lib/video/video-config';
import { BREAKOUT_REMOVE_PARTICIPANT, BREAKOUT_TIMER, type TBreakoutTimerJob, type TRemoveParticipantJob } from './effects';
import { assignedRoomOf } from './queries';
import { loadBreakoutRoom } from './resource';
import { reconcileBreakoutAttendance } from './reconcile-attendance';
import { closeRoundIfDue } from './round-status';

/**
 * Disconnects someone from a breakout room's LiveKit room they were moved out of. It reads the
 * assignment first, so a person moved out and straight back in is left where they are.
 */
export async function removeIfMovedOut(db: Db, job: TRemoveParticipantJob, config: TVideoConfig | undefined = videoConfig()): Promise<string> {
  const ctx = await loadBreakoutRoom(db, job.roomId);
  if (!ctx) return 'gone';
  if (ctx.round.status === 'open' && (await assignedRoomOf(db, ctx.round.id, job.userId)) === job.roomId) return 'still_assigned';
  const outcome = await removeParticipant(roomName('breakout', job.roomId), job.userId, config);
  if (outcome === 'failed') throw new Error(`LiveKit did not remove ${job.userId} from breakout ${job.roomId}; retrying`);
  return outcome;
}

export const BREAKOUT_ATTENDANCE_RECONCILE = 'breakout-attendance-reconcile';

export async function registerBreakoutWorkers(boss: PgBoss, db: Db, options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  const polling = options.pollingIntervalSeconds ?? 2;
  await boss.createQueue(BREAKOUT_TIMER, { name: BREAKOUT_TIMER, retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 });
  await boss.work<TBreakoutTimerJob>(BREAKOUT_TIMER, { pollingIntervalSeconds: polling }, async ([job]) => {
    const { roundId, endsAt } = job!.data;
    return closeRoundIfDue(db, roundId, new Date(), endsAt ? new Date(endsAt) : undefined);
  });
  await boss.createQueue(BREAKOUT_REMOVE_PARTICIPANT, { name: BREAKOUT_REMOVE_PARTICIPANT, policy: 'short', retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 });
  await boss.work<TRemoveParticipantJob>(BREAKOUT_REMOVE_PARTICIPANT, { pollingIntervalSeconds: polling }, async ([job]) => removeIfMovedOut(db, job!.data));
  // Every minute, one instance compares open breakout attendance with the rooms LiveKit lists.
  await boss.createQueue(BREAKOUT_ATTENDANCE_RECONCILE, { name: BREAKOUT_ATTENDANCE_RECONCILE, policy: 'singleton', retryLimit: 0, expireInSeconds: 120 });
  await boss.work(BREAKOUT_ATTENDANCE_RECONCILE, { pollingIntervalSeconds: 5 }, () => reconcileBreakoutAttendance(db));
  await boss.schedule(BREAKOUT_ATTENDANCE_RECONCILE, '* * * * *');
}
