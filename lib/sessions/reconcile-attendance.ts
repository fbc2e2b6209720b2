import 'server-only';
import { and, eq, isNull, lt, notInArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessionAttendance } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { defaultParticipantList, reconcileOpenAttendance, type TListParticipants } from '@/lib/resources/reconcile-attendance';
import { roomName } from '@/lib/resources/rooms';

/** Closes session-room attendance the webhooks left open; run every minute by a job. */
export async function reconcileSessionAttendance(db: Db, now = new Date(), list: TListParticipants | undefined = defaultParticipantList()): Promise<number> {
  if (!list) return 0;
  const open = await db.selectDistinct({ sessionId: sessionAttendance.sessionId }).from(sessionAttendance).where(isNull(sessionAttendance.leftAt));
  return reconcileOpenAttendance(db, open, {
    now,
    list,
    roomName: ({ sessionId }) => roomName('session', sessionId),
    async closeGone(tx, { sessionId }, present, joinedBefore) {
      const rows = await tx
        .update(sessionAttendance)
        .set({ leftAt: now })
        .where(
          and(
            eq(sessionAttendance.sessionId, sessionId),
            isNull(sessionAttendance.leftAt),
            lt(sessionAttendance.joinedAt, joinedBefore),
            present.length ? notInArray(sessionAttendance.participantSid, present) : undefined,
          ),
        )
        .returning({ sid: sessionAttendance.participantSid });
      if (rows.length) await publishHint(tx, topics.session(sessionId), { people: 1 });
      return rows.length;
    },
  });
}
