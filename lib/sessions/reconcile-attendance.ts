import 'server-only';
import { and, eq, isNull, notInArray } from 'drizzle-orm';
import { RoomServiceClient } from 'livekit-server-sdk';
import type { Db } from '@/db/client';
import { sessionAttendance } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { roomName } from '@/lib/resources/rooms';
import { serverApiUrl } from '@/lib/video/close-room';
import { videoConfig, type TVideoConfig } from '@/lib/video/video-config';

/** The participant sids LiveKit has in a room right now (the server API's ListParticipants). */
export type TListParticipants = (room: string) => Promise<string[]>;

export function livekitParticipants(config: TVideoConfig): TListParticipants {
  const client = new RoomServiceClient(serverApiUrl(config.url), config.apiKey, config.apiSecret, { requestTimeout: 5 });
  return async (room) => {
    try {
      return (await client.listParticipants(room)).map((p) => p.sid);
    } catch (err) {
      // A room nobody is in any more does not exist on the server: everyone has left.
      if (/not.?found|does not exist/i.test(String((err as Error)?.message))) return [];
      throw err;
    }
  };
}

/**
 * Closes attendance that webhooks left open: LiveKit's webhooks can be late, doubled or lost
 * (livekit#2399), so every minute the rooms with someone "present" are compared with what
 * the server lists, and whoever it no longer has is marked as left now.
 */
export async function reconcileSessionAttendance(db: Db, now = new Date(), list: TListParticipants | undefined = videoConfig() && livekitParticipants(videoConfig()!)): Promise<number> {
  if (!list) return 0;
  const open = await db.selectDistinct({ sessionId: sessionAttendance.sessionId }).from(sessionAttendance).where(isNull(sessionAttendance.leftAt));
  let closed = 0;
  for (const { sessionId } of open) {
    const present = await list(roomName('session', sessionId));
    const gone = await db.transaction(async (tx) => {
      const rows = await tx
        .update(sessionAttendance)
        .set({ leftAt: now })
        .where(and(eq(sessionAttendance.sessionId, sessionId), isNull(sessionAttendance.leftAt), present.length ? notInArray(sessionAttendance.participantSid, present) : undefined))
        .returning({ sid: sessionAttendance.participantSid });
      if (rows.length) await publishHint(tx, topics.session(sessionId), { people: 1 });
      return rows.length;
    });
    closed += gone;
  }
  return closed;
}
