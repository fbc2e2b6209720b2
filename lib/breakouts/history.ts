import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { breakoutAssignments, breakoutHostCalls, breakoutRooms, breakoutRounds, users } from '@/db/schema';
import type { TActor } from '@/lib/events/permissions';
import { displayName } from '@/lib/profiles/display-name';
import { breakoutStanding, requireManager } from './permissions';
import { byName, type TPerson } from './queries';

/** How many earlier rounds the hosts' history lists, newest first. */
export const HISTORY_ROUNDS = 10;

export type TBreakoutHistory = {
  rounds: {
    id: string;
    openedAt: string;
    closedAt: string;
    rooms: { id: string; name: string; members: TPerson[] }[];
    /** "Call the host" requests of the round, oldest first; `answeredAt` null = nobody came. */
    calls: { id: string; roomName: string; by: TPerson; at: string; answeredAt: string | null; answeredBy: string | null }[];
  }[];
};

/**
 * GET /api/sessions/:id/breakouts/history — the hosts' record of the session's closed rounds:
 * which rooms there were, who was in each, and who called the host (answered or not), so a
 * host can follow up in the main session. Rounds discarded as drafts never happened and are left out.
 * Read only when a host opens "Earlier rounds", not with every refresh of the live view.
 */
export async function breakoutHistory(db: DbOrTx, actor: TActor | null, sessionId: unknown): Promise<TBreakoutHistory> {
  const s = await breakoutStanding(db, actor, sessionId);
  requireManager(s);
  const rounds = await db
    .select({ id: breakoutRounds.id, openedAt: breakoutRounds.openedAt, closedAt: breakoutRounds.closedAt })
    .from(breakoutRounds)
    .where(and(eq(breakoutRounds.sessionId, s.session.id), eq(breakoutRounds.status, 'closed'), isNotNull(breakoutRounds.openedAt)))
    .orderBy(desc(breakoutRounds.openedAt), desc(breakoutRounds.id))
    .limit(HISTORY_ROUNDS);
  if (rounds.length === 0) return { rounds: [] };
  const ids = rounds.map((r) => r.id);
  const answerer = alias(users, 'answerer');
  const [rooms, members, calls] = await Promise.all([
    db.select().from(breakoutRooms).where(inArray(breakoutRooms.roundId, ids)).orderBy(asc(breakoutRooms.position)),
    db
      .select({ roomId: breakoutAssignments.roomId, id: users.id, name: displayName() })
      .from(breakoutAssignments)
      .innerJoin(users, eq(users.id, breakoutAssignments.userId))
      .where(inArray(breakoutAssignments.roundId, ids)),
    db
      .select({
        id: breakoutHostCalls.id,
        roundId: breakoutHostCalls.roundId,
        roomId: breakoutHostCalls.roomId,
        userId: users.id,
        name: displayName(),
        at: breakoutHostCalls.createdAt,
        answeredAt: breakoutHostCalls.answeredAt,
        answeredBy: displayName(answerer),
      })
      .from(breakoutHostCalls)
      .innerJoin(users, eq(users.id, breakoutHostCalls.userId))
      .leftJoin(answerer, eq(answerer.id, breakoutHostCalls.answeredBy))
      .where(inArray(breakoutHostCalls.roundId, ids))
      .orderBy(asc(breakoutHostCalls.createdAt)),
  ]);
  const roomName = new Map(rooms.map((r) => [r.id, r.name]));
  return {
    rounds: rounds.map((round) => ({
      id: round.id,
      openedAt: round.openedAt!.toISOString(),
      closedAt: round.closedAt!.toISOString(),
      rooms: rooms
        .filter((r) => r.roundId === round.id)
        .map((r) => ({ id: r.id, name: r.name, members: members.filter((m) => m.roomId === r.id).map(({ id, name }) => ({ id, name })).sort(byName) })),
      calls: calls
        .filter((c) => c.roundId === round.id)
        .map((c) => ({
          id: c.id,
          roomName: roomName.get(c.roomId) ?? '',
          by: { id: c.userId, name: c.name },
          at: c.at.toISOString(),
          answeredAt: c.answeredAt?.toISOString() ?? null,
          answeredBy: c.answeredAt ? c.answeredBy : null,
        })),
    })),
  };
}
