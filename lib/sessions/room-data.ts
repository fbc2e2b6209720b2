import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { sessionAttendance, sessionHosts, stageRequests, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { displayName } from '@/lib/profiles/display-name';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { isModerator, mayEnter, requireSessionRole } from './permissions';
import { ZSessionId } from './schemas';

export type TPerson = { id: string; name: string };
export type TRoomData = {
  canModerate: boolean;
  stageLimit: number;
  /** The viewer's own open stage request, if any. */
  me: { requestId: string; status: 'pending' | 'accepted' | 'ready' } | null;
  /** Pending requests, oldest first: names for hosts, only the count for everyone else. */
  pending: (TPerson & { requestId: string; createdAt: string })[];
  pendingCount: number;
  hosts: TPerson[];
  /** Audience members accepted (counting down) or on screen. */
  onStage: (TPerson & { requestId: string; status: 'accepted' | 'ready' })[];
  /** People connected to the room now (from LiveKit's webhooks) who are neither hosts nor on stage. */
  audience: TPerson[];
};

/** Everything the room's stage controls and People tab show, for someone in the room. */
export async function roomData(db: DbOrTx, actor: TActor | null, sessionId: unknown): Promise<TRoomData> {
  const id = parseInput(ZSessionId, sessionId);
  const { session, role } = await requireSessionRole(db, actor, id);
  const canModerate = isModerator(role);
  if (!canModerate && !mayEnter(role, session)) throw new AppError('forbidden', 'Only people in this session can see who is in its room.');
  const [open, hosts, present] = await Promise.all([
    db
      .select({ requestId: stageRequests.id, id: stageRequests.userId, name: displayName(), status: stageRequests.status, createdAt: stageRequests.createdAt })
      .from(stageRequests)
      .innerJoin(users, eq(users.id, stageRequests.userId))
      .where(and(eq(stageRequests.sessionId, id), inArray(stageRequests.status, ['pending', 'accepted', 'ready'])))
      .orderBy(asc(stageRequests.createdAt)),
    db.select({ id: users.id, name: displayName() }).from(sessionHosts).innerJoin(users, eq(users.id, sessionHosts.userId)).where(eq(sessionHosts.sessionId, id)).orderBy(asc(users.name)),
    db
      .selectDistinct({ id: users.id, name: displayName() })
      .from(sessionAttendance)
      .innerJoin(users, eq(users.id, sessionAttendance.userId))
      .where(and(eq(sessionAttendance.sessionId, id), isNull(sessionAttendance.leftAt))),
  ]);
  const pending = open.filter((r) => r.status === 'pending');
  const onStage = open.filter((r) => r.status !== 'pending');
  const mine = open.find((r) => r.id === actor!.id);
  const busy = new Set([...hosts.map((h) => h.id), ...onStage.map((r) => r.id)]);
  return {
    canModerate,
    stageLimit: session.stageLimit,
    me: mine ? { requestId: mine.requestId, status: mine.status as 'pending' | 'accepted' | 'ready' } : null,
    pending: canModerate ? pending.map((r) => ({ id: r.id, name: r.name, requestId: r.requestId, createdAt: r.createdAt.toISOString() })) : [],
    pendingCount: pending.length,
    hosts,
    onStage: onStage.map((r) => ({ id: r.id, name: r.name, requestId: r.requestId, status: r.status as 'accepted' | 'ready' })),
    audience: present.filter((p) => !busy.has(p.id)).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
