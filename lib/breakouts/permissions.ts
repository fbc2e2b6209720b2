import 'server-only';
import type { DbOrTx } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { isModerator, mayEnter, requireSessionRole, sessionRoleOf, type TSession, type TSessionRole } from '@/lib/sessions/permissions';
import { parseInput } from '@/lib/validation';
import { roomState } from '@/lib/sessions/room-window';
import { ZSessionId } from '@/lib/sessions/schemas';

export type TBreakoutStanding = { session: TSession; role: TSessionRole; canManage: boolean; userId: string };

/**
 * Where a person stands in a session's breakout rooms. Hosts and organizers run them (the
 * sessions rule `isModerator`); people who may be in the session room take part; anyone else
 * gets the same 404 as for a session that does not exist.
 */
export async function breakoutStanding(db: DbOrTx, actor: TActor | null, sessionId: unknown): Promise<TBreakoutStanding> {
  const id = parseInput(ZSessionId, sessionId);
  const { session, role } = await requireSessionRole(db, actor, id);
  const canManage = isModerator(role);
  if (!role || (!canManage && !mayEnter(role, session))) throw new AppError('not_found', 'This session does not exist.');
  return { session, role, canManage, userId: actor!.id };
}

export function requireManager(s: TBreakoutStanding): void {
  if (!s.canManage) throw new AppError('forbidden', 'Only the hosts of this session run its breakout rooms.');
}

/** Breakout rooms are made and opened only for a session that still takes place. */
export function requireSessionOn(session: TSession, now: Date): void {
  if (session.cancelledAt) throw new AppError('not_allowed_now', 'This session was cancelled.');
  if (roomState(session, now) === 'over') throw new AppError('not_allowed_now', 'This session has ended; its breakout rooms cannot open or run any longer.');
}

/** Whether someone is in the session as a participant (not a host): who a host may put in a room. */
export async function isParticipant(db: DbOrTx, session: TSession, userId: string): Promise<boolean> {
  const role = await sessionRoleOf(db, { id: userId, isAdmin: false }, session);
  return !isModerator(role) && mayEnter(role, session);
}
