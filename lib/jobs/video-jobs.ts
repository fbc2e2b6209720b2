import 'server-only';
import type PgBoss from 'pg-boss';
import type { TWork } from '@/lib/tx/in-tx';
import { closeRoom } from '@/lib/video/close-room';

export const VIDEO_CLOSE_ROOM = 'video-close-room';
export type TCloseRoomJob = { room: string };

/** Closes a LiveKit room once the change that ends it commits (a cancelled chat, an ended
 * session), written in that transaction; retried while LiveKit does not answer. */
export function closeRoomLater(work: TWork, room: string): void {
  work.enqueue(VIDEO_CLOSE_ROOM, { room } satisfies TCloseRoomJob, { singletonKey: room });
}

export async function handleCloseRoom(job: PgBoss.Job<TCloseRoomJob>): Promise<string> {
  const outcome = await closeRoom(job.data.room);
  if (outcome === 'failed') throw new Error(`LiveKit did not close ${job.data.room}; retrying`);
  return outcome;
}

export async function registerVideoWorkers(boss: PgBoss, options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  await boss.createQueue(VIDEO_CLOSE_ROOM, { name: VIDEO_CLOSE_ROOM, policy: 'short', retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 60 });
  await boss.work<TCloseRoomJob>(VIDEO_CLOSE_ROOM, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async ([job]) => handleCloseRoom(job!));
}
