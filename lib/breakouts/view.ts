import 'server-only';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { breakoutAssignments, breakoutAttendance, breakoutBroadcasts, breakoutHostCalls, users } from '@/db/schema';
import type { TActor } from '@/lib/events/permissions';
import { displayName } from '@/lib/profiles/display-name';
import { breakoutStanding } from './permissions';
import { assignablePeople, byName, liveRound, roomsOf, type TPerson } from './queries';
import type { TAssignmentMode } from './schemas';

export type TBreakoutRoomView = { id: string; name: string; position: number; memberCount: number; members: TPerson[]; present: TPerson[] };

/** GET /api/sessions/:id/breakouts — the contract of docs/breakouts.md. */
export type TBreakoutView = {
  canManage: boolean;
  maxRooms: number;
  serverNow: string;
  /** ISO; a round's timer never runs past it (the host's panel says so). */
  sessionEndsAt: string;
  round: null | {
    id: string;
    status: 'draft' | 'open';
    assignment: TAssignmentMode;
    openedAt: string | null;
    endsAt: string | null;
    myRoomId: string | null;
    rooms: TBreakoutRoomView[];
    unassigned: TPerson[];
    broadcasts: { id: string; body: string; at: string; by: string }[];
    calls: { id: string; roomId: string; roomName: string; by: TPerson; at: string }[];
  };
};

const BROADCASTS_SHOWN = 20;

/**
 * The session's breakout rooms as the caller may see them: hosts see every room's people, the
 * people not yet assigned and the open "call the host" requests; a participant sees the rooms,
 * how many are in each, and the people of their own room only.
 */
export async function breakoutView(db: DbOrTx, actor: TActor | null, sessionId: unknown, now = new Date()): Promise<TBreakoutView> {
  const s = await breakoutStanding(db, actor, sessionId);
  const base = { canManage: s.canManage, maxRooms: s.session.breakoutRoomLimit, serverNow: now.toISOString(), sessionEndsAt: s.session.endsAt.toISOString() };
  const round = await liveRound(db, s.session.id);
  if (!round || round.status === 'closed') return { ...base, round: null };
  const rooms = await roomsOf(db, round.id);
  const roomIds = rooms.map((r) => r.id);
  const [members, present, broadcasts, calls] = await Promise.all([
    db
      .select({ roomId: breakoutAssignments.roomId, id: users.id, name: displayName() })
      .from(breakoutAssignments)
      .innerJoin(users, eq(users.id, breakoutAssignments.userId))
      .where(eq(breakoutAssignments.roundId, round.id)),
    roomIds.length === 0
      ? []
      : db
          .selectDistinct({ roomId: breakoutAttendance.roomId, id: users.id, name: displayName() })
          .from(breakoutAttendance)
          .innerJoin(users, eq(users.id, breakoutAttendance.userId))
          .where(and(inArray(breakoutAttendance.roomId, roomIds), isNull(breakoutAttendance.leftAt))),
    db
      .select({ id: breakoutBroadcasts.id, body: breakoutBroadcasts.body, at: breakoutBroadcasts.createdAt, by: displayName() })
      .from(breakoutBroadcasts)
      .leftJoin(users, eq(users.id, breakoutBroadcasts.authorId))
      .where(eq(breakoutBroadcasts.roundId, round.id))
      .orderBy(desc(breakoutBroadcasts.createdAt), desc(breakoutBroadcasts.id))
      .limit(BROADCASTS_SHOWN),
    s.canManage
      ? db
          .select({ id: breakoutHostCalls.id, roomId: breakoutHostCalls.roomId, userId: users.id, name: displayName(), at: breakoutHostCalls.createdAt })
          .from(breakoutHostCalls)
          .innerJoin(users, eq(users.id, breakoutHostCalls.userId))
          .where(and(eq(breakoutHostCalls.roundId, round.id), isNull(breakoutHostCalls.answeredAt)))
          .orderBy(asc(breakoutHostCalls.createdAt))
      : [],
  ]);
  const myRoomId = members.find((m) => m.id === s.userId)?.roomId ?? null;
  const shown = (roomId: string) => s.canManage || roomId === myRoomId;
  const people = (rows: { roomId: string; id: string; name: string }[], roomId: string) =>
    rows.filter((r) => r.roomId === roomId).map(({ id, name }) => ({ id, name })).sort(byName);
  const assigned = new Set(members.map((m) => m.id));
  const roomName = new Map(rooms.map((r) => [r.id, r.name]));
  return {
    ...base,
    round: {
      id: round.id,
      status: round.status as 'draft' | 'open',
      assignment: round.assignment,
      openedAt: round.openedAt?.toISOString() ?? null,
      endsAt: round.endsAt?.toISOString() ?? null,
      myRoomId,
      rooms: rooms.map((r) => ({
        id: r.id,
        name: r.name,
        position: r.position,
        memberCount: members.filter((m) => m.roomId === r.id).length,
        members: shown(r.id) ? people(members, r.id) : [],
        present: shown(r.id) ? people(present, r.id) : [],
      })),
      unassigned: s.canManage ? (await assignablePeople(db, s.session, 'both')).filter((p) => !assigned.has(p.id)) : [],
      broadcasts: broadcasts.map((b) => ({ id: b.id, body: b.body, at: b.at.toISOString(), by: b.by })),
      calls: calls.map((c) => ({ id: c.id, roomId: c.roomId, roomName: roomName.get(c.roomId) ?? '', by: { id: c.userId, name: c.name }, at: c.at.toISOString() })),
    },
  };
}
