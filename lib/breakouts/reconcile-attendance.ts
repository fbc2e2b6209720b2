import 'server-only';
import { and, eq, isNull, lt, notInArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { breakoutAttendance, breakoutRooms } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { roomName } from '@/lib/resources/rooms';
import { livekitParticipants, type TListParticipants } from '@/lib/sessions/reconcile-attendance';
import { videoConfig } from '@/lib/video/video-config';
import { leftAtNow } from './queries';

const JOIN_GRACE_MS = 10_000;

/**
 * Closes breakout attendance that webhooks left open (late, doubled or lost: livekit#2399), as
 * the session room's reconciliation does: every room with someone "present" is compared with
 * what LiveKit lists, and whoever it no longer has is marked as left now.
 */
export async function reconcileBreakoutAttendance(db: Db, now = new Date(), list: TListParticipants | undefined = videoConfig() && livekitParticipants(videoConfig()!)): Promise<number> {
  if (!list) return 0;
  const open = await db
    .selectDistinct({ roomId: breakoutAttendance.roomId, sessionId: breakoutRooms.sessionId })
    .from(breakoutAttendance)
    .innerJoin(breakoutRooms, eq(breakoutRooms.id, breakoutAttendance.roomId))
    .where(isNull(breakoutAttendance.leftAt));
  let closed = 0;
  for (const { roomId, sessionId } of open) {
    // Someone whose join webhook lands while LiveKit is being asked is not in its answer yet:
    // only attendance that began before the question (less LiveKit's whole-second clock and
    // some skew) is compared; a younger row waits for the next run.
    const askedBefore = new Date(now.getTime() - JOIN_GRACE_MS);
    let present: string[];
    try {
      present = await list(roomName('breakout', roomId));
    } catch (err) {
      // One room LiveKit cannot list must not keep every other room's attendance open.
      console.warn(`[fairground] could not list breakout room ${roomId}: ${(err as Error)?.message}`);
      continue;
    }
    closed += await db.transaction(async (tx) => {
      const rows = await tx
        .update(breakoutAttendance)
        .set({ leftAt: leftAtNow(now) })
        .where(
          and(
            eq(breakoutAttendance.roomId, roomId),
            isNull(breakoutAttendance.leftAt),
            lt(breakoutAttendance.joinedAt, askedBefore),
            present.length ? notInArray(breakoutAttendance.participantSid, present) : undefined,
          ),
        )
        .returning({ sid: breakoutAttendance.participantSid });
      if (rows.length) await publishHint(tx, topics.breakouts(sessionId), { room: roomId });
      return rows.length;
    });
  }
  return closed;
}
