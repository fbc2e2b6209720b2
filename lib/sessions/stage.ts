import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { stageRequests } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { publishHints } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { parseInput } from '@/lib/validation';
import { isModerator, mayEnter, requireSessionRole, type TSession } from './permissions';
import { roomState } from './room-window';
import { inSessionTx } from './session-tx';
import { syncStageLater } from './stage-effects';
import { moveStageRequest, type TStageRequest } from './stage-transitions';
import { ZSessionId } from './schemas';

export const ZStageDecision = z.object({
  requestId: z.uuid({ message: 'Unknown request' }),
  decision: z.enum(['accept', 'decline', 'move_back'], { message: 'Accept, decline or move back' }),
});

/** What a stage change means on LiveKit once committed (synced by stage-effects): publish granted or taken away. */
export type TStageEffect = { sessionId: string; userId: string; publish: boolean } | null;

function requireOpenRoom(session: TSession, now: Date) {
  if (session.cancelledAt) throw new AppError('not_allowed_now', 'This session was cancelled.');
  if (roomState(session, now) !== 'open') throw new AppError('not_allowed_now', 'The session room is not open right now.');
}

const hint = (r: Pick<TStageRequest, 'sessionId' | 'id'>) => ({ topic: topics.session(r.sessionId), ids: { stage: r.id } });

/** An audience member asks to come on screen with camera and microphone. */
export async function requestStage(db: Db, actor: TActor | null, sessionId: unknown, now = new Date()): Promise<{ requestId: string }> {
  const id = parseInput(ZSessionId, sessionId);
  const { session, role } = await requireSessionRole(db, actor, id);
  if (isModerator(role)) throw new AppError('not_allowed_now', 'You host this session: you are on screen already.');
  if (!mayEnter(role, session)) throw new AppError('forbidden', 'Only people in this session can ask to come on screen.');
  requireOpenRoom(session, now);
  return inSessionTx(db, async (tx) => {
    const [row] = await tx.insert(stageRequests).values({ sessionId: id, userId: actor!.id }).returning();
    await publishHints(tx, [hint(row!)]);
    return { requestId: row!.id };
  });
}

/** The participant takes their own request back: while pending, or during the countdown (Cancel). */
export async function withdrawStage(db: Db, actor: TActor | null, sessionId: unknown): Promise<TStageEffect> {
  const id = parseInput(ZSessionId, sessionId);
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  return inSessionTx(db, async (tx) => {
    const row = await moveStageRequest(tx, { sessionId: id, userId: actor.id }, ['pending', 'accepted'], { status: 'withdrawn', endedAt: new Date() }, 'There is no open request to withdraw.');
    await publishHints(tx, [hint(row)]);
    return null;
  });
}

/** After the 5-second countdown: the participant goes on screen; publish is granted after commit. */
export async function goOnStage(db: Db, actor: TActor | null, sessionId: unknown, now = new Date()): Promise<TStageEffect> {
  const id = parseInput(ZSessionId, sessionId);
  const { session } = await requireSessionRole(db, actor, id);
  requireOpenRoom(session, now);
  return inSessionTx(db, async (tx, _mails, work) => {
    const row = await moveStageRequest(tx, { sessionId: id, userId: actor!.id }, ['accepted'], { status: 'ready', readyAt: now }, 'Your request is no longer accepted — ask again.');
    await publishHints(tx, [hint(row)]);
    syncStageLater(db, work, { sessionId: id, userId: actor!.id });
    return { sessionId: id, userId: actor!.id, publish: true };
  });
}

/** "Deactivate Mic & Camera": the participant returns to the audience; publish is revoked. */
export async function leaveStage(db: Db, actor: TActor | null, sessionId: unknown): Promise<TStageEffect> {
  const id = parseInput(ZSessionId, sessionId);
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  return inSessionTx(db, async (tx, _mails, work) => {
    const row = await moveStageRequest(tx, { sessionId: id, userId: actor.id }, ['ready', 'accepted'], { status: 'left', endedAt: new Date() }, 'You are not on screen.');
    await publishHints(tx, [hint(row)]);
    syncStageLater(db, work, { sessionId: id, userId: actor.id });
    return { sessionId: id, userId: actor.id, publish: false };
  });
}

/**
 * A host accepts or declines a pending request, or moves someone on screen back to the
 * audience. Accepting claims a stage place: the place counter's CHECK refuses the one too many,
 * so two hosts accepting the last place at once leave exactly one accepted.
 */
export async function decideStage(db: Db, actor: TActor | null, input: unknown, now = new Date()): Promise<TStageEffect> {
  const data = parseInput(ZStageDecision, input);
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const [request] = await db.select().from(stageRequests).where(eq(stageRequests.id, data.requestId));
  if (!request) throw new AppError('not_found', 'This request does not exist any more.');
  const { session, role } = await requireSessionRole(db, actor, request.sessionId);
  if (!isModerator(role)) throw new AppError('forbidden', 'Only the hosts of this session decide who comes on screen.');
  if (data.decision === 'accept') requireOpenRoom(session, now);
  return inSessionTx(db, async (tx, _mails, work) => {
    const by = { decidedBy: actor.id, decidedAt: now };
    const row =
      data.decision === 'accept'
        ? await moveStageRequest(tx, { id: request.id }, ['pending'], { status: 'accepted', ...by }, 'This request was withdrawn or decided by another host.')
        : data.decision === 'decline'
          ? await moveStageRequest(tx, { id: request.id }, ['pending'], { status: 'declined', ...by }, 'This request was withdrawn or decided by another host.')
          : await moveStageRequest(tx, { id: request.id }, ['accepted', 'ready'], { status: 'left', endedAt: now }, 'This person is no longer on screen.');
    await publishHints(tx, [hint(row), { topic: topics.user(row.userId), ids: { stage: row.id } }]);
    if (data.decision === 'move_back') syncStageLater(db, work, { sessionId: row.sessionId, userId: row.userId });
    return data.decision === 'move_back' ? { sessionId: row.sessionId, userId: row.userId, publish: false } : null;
  });
}
