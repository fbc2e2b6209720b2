import 'server-only';
import { and, eq, isNull, lt, notInArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { breakoutAttendance, breakoutRooms } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { defaultParticipantList, reconcileOpenAttendance, type TListParticipants } from '@/lib/resources/reconcile-attendance';
import { roomName } from '@/lib/resources/rooms';
import { leftAtNow } from './queries';

/** Closes breakout-room attendance the webhooks left open, as the session room's; run every minute. */
export async function reconcileBreakoutAttendance(db: Db, now = new Date(), list: TListParticipants | undefined = defaultParticipantList()): Promise<number> {
  if (!list) return 0;
  const open = await db
    .selectDistinct({ roomId: breakoutAttendance.roomId, sessionId: breakoutRooms.sessionId })
    .from(breakoutAttendance)
    .innerJoin(breakoutRooms, eq(breakoutRooms.id, breakoutAttendance.roomId))
    .where(isNull(breakoutAttendance.leftAt));
  return reconcileOpenAttendance(db, open, {
    now,
    list,
    roomName: ({ roomId }) => roomName('breakout', roomId),
    async closeGone(tx, { roomId, sessionId }, present, joinedBefore) {
      const rows = await tx
        .update(breakoutAttendance)
        .set({ leftAt: leftAtNow(now) })
        .where(
          and(
            eq(breakoutAttendance.roomId, roomId),
            isNull(breakoutAttendance.leftAt),
            lt(breakoutAttendance.joinedAt, joinedBefore),
            present.length ? notInArray(breakoutAttendance.participantSid, present) : undefined,
          ),
        )
        .returning({ sid: breakoutAttendance.participantSid });
      if (rows.length) await publishHint(tx, topics.breakouts(sessionId), { room: roomId });
      return rows.length;
    },
  });
}
