import 'server-only';
import type { Db, Tx } from '@/db/client';
import { livekitParticipants, type TListParticipants } from '@/lib/video/list-participants';
import { videoConfig } from '@/lib/video/video-config';

export type { TListParticipants };

/**
 * Someone whose join webhook lands while LiveKit is being asked is not in its answer yet: only
 * attendance that began this long before the question (LiveKit's whole-second clock plus some
 * skew) is compared; a younger row waits for the next run.
 */
export const JOIN_GRACE_MS = 10_000;

/** The configured LiveKit server's participant list, or undefined without video. */
export function defaultParticipantList(): TListParticipants | undefined {
  const config = videoConfig();
  return config ? livekitParticipants(config) : undefined;
}

/**
 * Closes attendance that webhooks left open (late, doubled or lost: livekit#2399): each room
 * with someone "present" is compared with what LiveKit lists, and `closeGone` marks whoever it
 * no longer has (and joined before `joinedBefore`) as left, in one transaction per room. One
 * room LiveKit cannot list is skipped, so it does not keep every other room's attendance open.
 */
export async function reconcileOpenAttendance<TRoom>(
  db: Db,
  rooms: TRoom[],
  opts: {
    now: Date;
    list: TListParticipants;
    roomName: (room: TRoom) => string;
    closeGone: (tx: Tx, room: TRoom, present: string[], joinedBefore: Date) => Promise<number>;
  },
): Promise<number> {
  const joinedBefore = new Date(opts.now.getTime() - JOIN_GRACE_MS);
  let closed = 0;
  for (const room of rooms) {
    let present: string[];
    try {
      present = await opts.list(opts.roomName(room));
    } catch (err) {
      console.warn(`[fairground] could not list LiveKit room ${opts.roomName(room)}: ${(err as Error)?.message}`);
      continue;
    }
    closed += await db.transaction((tx) => opts.closeGone(tx, room, present, joinedBefore));
  }
  return closed;
}
