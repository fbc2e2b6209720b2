import 'server-only';
import { roomName } from '@/lib/resources/rooms';
import type { TWork } from '@/lib/tx/in-tx';
import { closeRoomLater } from '@/lib/jobs/video-jobs';

/** Closes a round when its timer runs out (the job checks `ends_at` itself, so an extension only adds a job). */
export const BREAKOUT_TIMER = 'breakout-timer';
/** Disconnects someone from the LiveKit room of a breakout room they were moved out of. */
export const BREAKOUT_REMOVE_PARTICIPANT = 'breakout-remove-participant';

/** `endsAt`: the end this timer was written for (jobs written before it existed carry none). */
export type TBreakoutTimerJob = { roundId: string; endsAt?: string };
export type TRemoveParticipantJob = { roomId: string; userId: string };

/** The timer, written with the open or the extension: it fires at `endsAt` (and again for each extension). */
export function closeAtEndLater(work: TWork, roundId: string, endsAt: Date): void {
  work.enqueue(BREAKOUT_TIMER, { roundId, endsAt: endsAt.toISOString() } satisfies TBreakoutTimerJob, { startAfter: endsAt });
}

/** After a move out of a room of an open round: LiveKit drops the person from the old room. */
export function removeFromRoomLater(work: TWork, job: TRemoveParticipantJob): void {
  work.enqueue(BREAKOUT_REMOVE_PARTICIPANT, job, { singletonKey: `${job.roomId}:${job.userId}` });
}

/** After a close: every room's LiveKit room is deleted (DeleteRoom), which disconnects everyone in it. */
export function closeRoomsLater(work: TWork, roomIds: string[]): void {
  for (const id of roomIds) closeRoomLater(work, roomName('breakout', id));
}
