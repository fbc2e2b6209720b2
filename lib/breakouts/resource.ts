import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { breakoutAttendance, breakoutRooms, breakoutRounds, eventSessions } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import type { TPermission, TResource } from '@/lib/resources/types';
import { isModerator, mayEnter, sessionRoleOf, type TSession } from '@/lib/sessions/permissions';
import { parseInput } from '@/lib/validation';
import { assignedRoomOf, leftAtNow, type TRoom, type TRound } from './queries';

export type TBreakoutCtx = { room: TRoom; round: Pick<TRound, 'id' | 'status' | 'endsAt'>; session: TSession };
/** `host`: the session's hosts and the event's organizers; `member`: assigned to this room while the round is open. */
export type TBreakoutRole = 'host' | 'member';

export const BREAKOUT_PERMISSIONS: Record<TBreakoutRole, readonly TPermission[]> = {
  host: ['view', 'thread.read', 'thread.post', 'thread.moderate', 'video.join', 'video.publish'],
  member: ['view', 'thread.read', 'thread.post', 'video.join', 'video.publish'],
};

export const ROOMS_CLOSED = 'The breakout rooms are closed.';
export const ROOMS_NOT_OPEN = 'The breakout rooms have not opened yet.';

export async function loadBreakoutRoom(db: DbOrTx, roomId: string): Promise<TBreakoutCtx | undefined> {
  const [row] = await db
    .select({ room: breakoutRooms, round: { id: breakoutRounds.id, status: breakoutRounds.status, endsAt: breakoutRounds.endsAt }, session: eventSessions })
    .from(breakoutRooms)
    .innerJoin(breakoutRounds, eq(breakoutRounds.id, breakoutRooms.roundId))
    .innerJoin(eventSessions, eq(eventSessions.id, breakoutRooms.sessionId))
    .where(eq(breakoutRooms.id, roomId));
  return row;
}

/**
 * A breakout room as a resource: its own LiveKit room (`breakout-<id>`), its own chat, its
 * attendance. A participant's role is read from the assignment on every call, so a person moved
 * out of a room loses its token, its chat and its topics at once; when the round closes, nobody
 * but the hosts has a role, and no one gets a token.
 */
export const breakoutResource: TResource<TBreakoutCtx, TBreakoutRole> = {
  kind: 'breakout',
  label: 'breakout room',
  parseId: (raw) => parseInput(z.uuid({ message: 'Unknown breakout room' }), raw),
  load: loadBreakoutRoom,
  eventId: (c) => c.session.eventId,
  async roleOf(db, actor, c) {
    const role = await sessionRoleOf(db, actor, c.session);
    if (isModerator(role)) return 'host';
    if (c.round.status !== 'open' || !mayEnter(role, c.session)) return null;
    return (await assignedRoomOf(db, c.round.id, actor.id)) === c.room.id ? 'member' : null;
  },
  permissions: BREAKOUT_PERMISSIONS,
  threadClosed: (c) => (c.round.status === 'closed' ? ROOMS_CLOSED : null),
  video: {
    joinRefusal(c) {
      if (c.session.cancelledAt) return 'This session was cancelled, so its rooms are closed.';
      if (c.round.status === 'closed') return ROOMS_CLOSED;
      if (c.round.status === 'draft') return ROOMS_NOT_OPEN;
      return null;
    },
    publishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
    metadata: (c, role) => ({ sessionId: c.session.id, roomId: c.room.id, role }),
    async recordAttendance(tx, c, a) {
      await tx.insert(breakoutAttendance).values({ participantSid: a.sid, roomId: c.room.id, userId: a.userId, joinedAt: a.joinedAt, leftAt: a.leftAt }).onConflictDoNothing();
      if (a.leftAt) await tx.update(breakoutAttendance).set({ leftAt: a.leftAt }).where(and(eq(breakoutAttendance.participantSid, a.sid), isNull(breakoutAttendance.leftAt)));
    },
    async afterRoomEvent(tx, c, event, now) {
      // A room LiveKit closed (emptied, or deleted at close) has nobody in it any more.
      if (event === 'room_finished') {
        await tx
          .update(breakoutAttendance)
          .set({ leftAt: leftAtNow(now) })
          .where(and(eq(breakoutAttendance.roomId, c.room.id), isNull(breakoutAttendance.leftAt)));
      }
      await publishHint(tx, topics.breakouts(c.session.id), { room: c.room.id });
    },
  },
};
