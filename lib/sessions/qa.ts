import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { questions, questionVotes, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { publishHints } from '@/lib/live/publish';
import { fitsHint, topics, type THint } from '@/lib/live/topics';
import { parseInput } from '@/lib/validation';
import { isModerator, mayEnter, requireQuestionSessionRole, requireSessionRole, type TSession, type TSessionRole } from './permissions';
import { ZSessionId } from './schemas';
import { inTx } from '@/lib/tx/in-tx';

export const ZAskInput = z.object({
  sessionId: ZSessionId,
  body: z.string().trim().min(1, 'Write your question first').max(500, 'Keep a question under 500 characters'),
});
// The wanted state, not a toggle: two clicks arriving together then mean one vote, never zero.
export const ZVoteInput = z.object({ questionId: z.uuid({ message: 'Unknown question' }), voted: z.boolean({ message: 'Say whether to vote' }) });
export const ZModerateInput = z.object({
  questionId: z.uuid({ message: 'Unknown question' }),
  action: z.enum(['approve', 'answer', 'unanswer', 'hide', 'unhide', 'pin', 'unpin'], { message: 'Unknown action' }),
});

function requireRoomRole(session: TSession, role: TSessionRole | null) {
  if (!isModerator(role) && !mayEnter(role, session)) throw new AppError('forbidden', 'Only people in this session can see and use its Q&A.');
}

async function requireInRoom(db: DbOrTx, actor: TActor | null, sessionId: string) {
  const { session, role } = await requireSessionRole(db, actor, sessionId);
  requireRoomRole(session, role);
  return { session, role };
}

/**
 * Who sees a question: hosts and organizers all of them; everyone else neither hidden ones nor
 * those waiting for approval — except their own waiting question. The one rule for reads and votes.
 */
function visibleTo(actorId: string, canModerate: boolean) {
  return canModerate ? undefined : and(isNull(questions.hiddenAt), or(isNotNull(questions.approvedAt), eq(questions.authorId, actorId)));
}

/** Asks a question; where the session wants approval it waits, seen by its author and the hosts only. */
export async function askQuestion(db: Db, actor: TActor | null, input: unknown): Promise<{ questionId: string; pending: boolean }> {
  const data = parseInput(ZAskInput, input);
  const { session, role } = await requireInRoom(db, actor, data.sessionId);
  if (session.cancelledAt) throw new AppError('not_allowed_now', 'This session was cancelled.');
  // A host's own question needs nobody's approval.
  const pending = session.questionsNeedApproval && !isModerator(role);
  return inTx(db, async (tx) => {
    const [row] = await tx
      .insert(questions)
      .values({ sessionId: data.sessionId, authorId: actor!.id, body: data.body, approvedAt: pending ? null : new Date() })
      .returning({ id: questions.id });
    await publishHints(tx, [await questionHint(tx, row!.id)]);
    return { questionId: row!.id, pending };
  });
}

/**
 * Sets the actor's vote on a question. The vote table's primary key allows one vote per person
 * and the trigger keeps `questions.votes` equal to the rows, so the count is exact under any
 * concurrency; a repeated request changes nothing.
 */
export async function voteQuestion(db: Db, actor: TActor | null, input: unknown): Promise<{ votes: number }> {
  const data = parseInput(ZVoteInput, input);
  // The question, its session, the event's visibility and the voter's role: one statement.
  const { question: q, session, role } = await requireQuestionSessionRole(db, actor, data.questionId);
  requireRoomRole(session, role);
  if (q.hiddenAt) throw new AppError('not_found', 'This question does not exist any more.');
  if (!q.approvedAt) {
    // Others must not learn that a waiting question exists.
    if (!isModerator(role) && q.authorId !== actor!.id) throw new AppError('not_found', 'This question does not exist any more.');
    throw new AppError('not_allowed_now', 'This question is waiting for approval; votes open once a host approves it.');
  }
  return inTx(db, async (tx) => {
    const changed = data.voted
      ? await tx.insert(questionVotes).values({ questionId: data.questionId, userId: actor!.id }).onConflictDoNothing().returning({ id: questionVotes.questionId })
      : await tx.delete(questionVotes).where(and(eq(questionVotes.questionId, data.questionId), eq(questionVotes.userId, actor!.id))).returning({ id: questionVotes.questionId });
    const [row] = await tx.select({ votes: questions.votes }).from(questions).where(eq(questions.id, data.questionId));
    // The new count rides in the hint: a room of watchers patches it instead of refetching the
    // list per vote. The question row's lock orders the votes of one question, so each hint
    // carries the count of its commit and the last one to arrive is the latest.
    if (changed.length) await publishHints(tx, [{ topic: topics.sessionQa(session.id), ids: { question: data.questionId }, data: { votes: row?.votes ?? 0 } }]);
    return { votes: row?.votes ?? 0 };
  });
}

/** Hosts approve a waiting question, mark one answered, hide it, or pin it to the top (and undo each). */
export async function moderateQuestion(db: Db, actor: TActor | null, input: unknown): Promise<{ questionId: string }> {
  const data = parseInput(ZModerateInput, input);
  const { role } = await requireQuestionSessionRole(db, actor, data.questionId);
  if (!isModerator(role)) throw new AppError('forbidden', 'Only the hosts of this session moderate its Q&A.');
  const now = new Date();
  const set = {
    approve: { approvedAt: now },
    answer: { answeredAt: now },
    unanswer: { answeredAt: null },
    hide: { hiddenAt: now },
    unhide: { hiddenAt: null },
    pin: { pinnedAt: now },
    unpin: { pinnedAt: null },
  }[data.action];
  await inTx(db, async (tx) => {
    // Approving is a compare-and-set: two hosts approving together approve once.
    const rows = await tx
      .update(questions)
      .set({ ...set, updatedAt: now })
      .where(and(eq(questions.id, data.questionId), data.action === 'approve' ? isNull(questions.approvedAt) : undefined))
      .returning({ approvedAt: questions.approvedAt });
    if (!rows.length) throw new AppError('not_allowed_now', 'This question was already approved.');
    await publishHints(tx, [await questionHint(tx, data.questionId)]);
  });
  return { questionId: data.questionId };
}

const questionColumns = {
  id: questions.id,
  body: questions.body,
  authorName: sql<string>`coalesce(${users.name}, 'Someone')`,
  votes: questions.votes,
  answeredAt: questions.answeredAt,
  pinnedAt: questions.pinnedAt,
  hiddenAt: questions.hiddenAt,
  approvedAt: questions.approvedAt,
  createdAt: questions.createdAt,
};

/** A question as the room shows it, without the viewer's own vote. */
function toQuestion(r: { id: string; body: string; authorName: string; votes: number; answeredAt: Date | null; pinnedAt: Date | null; hiddenAt: Date | null; approvedAt: Date | null; createdAt: Date }) {
  return { id: r.id, body: r.body, authorName: r.authorName, votes: r.votes, answered: !!r.answeredAt, pinned: !!r.pinnedAt, hidden: !!r.hiddenAt, pending: !r.approvedAt, createdAt: r.createdAt };
}

/**
 * The hint of a changed question, read inside the writing transaction. A question everyone in
 * the room sees rides in it whole (without anyone's own vote), so a thousand watchers upsert it
 * instead of refetching the list; a hidden one is named for removal; a waiting one is only
 * named (`pending`): its text must reach no one but its author and the hosts, who refetch.
 */
async function questionHint(tx: DbOrTx, questionId: string): Promise<THint> {
  const [r] = await tx.select({ ...questionColumns, sessionId: questions.sessionId }).from(questions).leftJoin(users, eq(users.id, questions.authorId)).where(eq(questions.id, questionId));
  const topic = topics.sessionQa(r!.sessionId);
  if (!r!.approvedAt) return { topic, ids: { question: questionId, pending: 1 } };
  if (r!.hiddenAt) return { topic, ids: { question: questionId, hidden: 1 } };
  const hint: THint = { topic, ids: { question: questionId }, data: { question: { ...toQuestion(r!), createdAt: r!.createdAt.toISOString() } } };
  return fitsHint(hint) ? hint : { topic, ids: { question: questionId } };
}

export type TQuestion = {
  id: string;
  body: string;
  authorName: string;
  votes: number;
  myVote: boolean;
  answered: boolean;
  pinned: boolean;
  hidden: boolean;
  /** Waiting for approval: only its author and the hosts get it. */
  pending: boolean;
  createdAt: Date;
};

/**
 * A session's questions: pinned first, then by votes, then oldest first. Hidden questions are
 * served to hosts only (so they can bring one back), never to the audience; questions waiting
 * for approval to hosts and to their author only.
 */
export async function listQuestions(db: DbOrTx, actor: TActor | null, sessionId: unknown): Promise<{ questions: TQuestion[]; canModerate: boolean }> {
  const id = parseInput(ZSessionId, sessionId);
  const { role } = await requireInRoom(db, actor, id);
  const canModerate = isModerator(role);
  const rows = await db
    .select({
      ...questionColumns,
      myVote: sql<boolean>`exists (select 1 from ${questionVotes} v where v.question_id = ${questions.id} and v.user_id = ${actor!.id})`,
    })
    .from(questions)
    .leftJoin(users, eq(users.id, questions.authorId))
    .where(and(eq(questions.sessionId, id), visibleTo(actor!.id, canModerate)))
    .orderBy(sql`${questions.pinnedAt} is null`, desc(questions.votes), asc(questions.createdAt), asc(questions.id))
    .limit(500);
  return {
    canModerate,
    questions: rows.map((r) => ({ ...toQuestion(r), myVote: r.myVote })),
  };
}
