import 'server-only';
import { and, eq, isNull, notInArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { breakoutAttendance, breakoutRooms } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { roomName } from '@/lib/resources/rooms';
import { livekitParticipants, type TListParticipants } from '@/lib/sessions/reconcile-attendance';
import { videoConfig } from '@/lib/video/video-config';
import { leftAtNow } from './queries';

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
    const present = await list(roomName('breakout', roomId));
    closed += await db.transaction(async (tx) => {
      const rows = await tx
        .update(breakoutAttendance)
        .set({ leftAt: leftAtNow(now) })
        .where(and(eq(breakoutAttendance.roomId, roomId), isNull(breakoutAttendance.leftAt), present.length ? notInArray(breakoutAttendance.participantSid, present) : undefined))
        .returning({ sid: breakoutAttendance.participantSid });
      if (rows.length) await publishHint(tx, topics.breakouts(sessionId), { room: roomId });
      return rows.length;
    });
  }
  return closed;
}
