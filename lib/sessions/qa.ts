import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { questions, questionVotes, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { parseInput } from '@/lib/validation';
import { isModerator, mayEnter, requireSessionRole } from './permissions';
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
  action: z.enum(['answer', 'unanswer', 'hide', 'unhide', 'pin', 'unpin'], { message: 'Unknown action' }),
});

async function requireInRoom(db: DbOrTx, actor: TActor | null, sessionId: string) {
  const { session, role } = await requireSessionRole(db, actor, sessionId);
  if (!isModerator(role) && !mayEnter(role, session)) throw new AppError('forbidden', 'Only people in this session can see and use its Q&A.');
  return { session, role };
}

async function questionSession(db: DbOrTx, questionId: string) {
  const [q] = await db.select({ sessionId: questions.sessionId, hiddenAt: questions.hiddenAt }).from(questions).where(eq(questions.id, questionId));
  if (!q) throw new AppError('not_found', 'This question does not exist any more.');
  return q;
}

export async function askQuestion(db: Db, actor: TActor | null, input: unknown): Promise<{ questionId: string }> {
  const data = parseInput(ZAskInput, input);
  const { session } = await requireInRoom(db, actor, data.sessionId);
  if (session.cancelledAt) throw new AppError('not_allowed_now', 'This session was cancelled.');
  return inTx(db, async (tx) => {
    const [row] = await tx.insert(questions).values({ sessionId: data.sessionId, authorId: actor!.id, body: data.body }).returning({ id: questions.id });
    await publishHint(tx, topics.sessionQa(data.sessionId), { question: row!.id });
    return { questionId: row!.id };
  });
}

/**
 * Sets the actor's vote on a question. The vote table's primary key allows one vote per person
 * and the trigger keeps `questions.votes` equal to the rows, so the count is exact under any
 * concurrency; a repeated request changes nothing.
 */
export async function voteQuestion(db: Db, actor: TActor | null, input: unknown): Promise<{ votes: number }> {
  const data = parseInput(ZVoteInput, input);
  const q = await questionSession(db, data.questionId);
  await requireInRoom(db, actor, q.sessionId);
  if (q.hiddenAt) throw new AppError('not_found', 'This question does not exist any more.');
  return inTx(db, async (tx) => {
    const changed = data.voted
      ? await tx.insert(questionVotes).values({ questionId: data.questionId, userId: actor!.id }).onConflictDoNothing().returning({ id: questionVotes.questionId })
      : await tx.delete(questionVotes).where(and(eq(questionVotes.questionId, data.questionId), eq(questionVotes.userId, actor!.id))).returning({ id: questionVotes.questionId });
    const [row] = await tx.select({ votes: questions.votes }).from(questions).where(eq(questions.id, data.questionId));
    if (changed.length) await publishHint(tx, topics.sessionQa(q.sessionId), { question: data.questionId });
    return { votes: row?.votes ?? 0 };
  });
}

/** Hosts mark a question answered, hide it, or pin it to the top (and undo each). */
export async function moderateQuestion(db: Db, actor: TActor | null, input: unknown): Promise<{ questionId: string }> {
  const data = parseInput(ZModerateInput, input);
  const q = await questionSession(db, data.questionId);
  const { role } = await requireSessionRole(db, actor, q.sessionId);
  if (!isModerator(role)) throw new AppError('forbidden', 'Only the hosts of this session moderate its Q&A.');
  const now = new Date();
  const set = {
    answer: { answeredAt: now },
    unanswer: { answeredAt: null },
    hide: { hiddenAt: now },
    unhide: { hiddenAt: null },
    pin: { pinnedAt: now },
    unpin: { pinnedAt: null },
  }[data.action];
  await inTx(db, async (tx) => {
    await tx.update(questions).set({ ...set, updatedAt: now }).where(eq(questions.id, data.questionId));
    await publishHint(tx, topics.sessionQa(q.sessionId), { question: data.questionId });
  });
  return { questionId: data.questionId };
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
  createdAt: Date;
};

/**
 * A session's questions: pinned first, then by votes, then oldest first. Hidden questions are
 * served to hosts only (so they can bring one back), never to the audience.
 */
export async function listQuestions(db: DbOrTx, actor: TActor | null, sessionId: unknown): Promise<{ questions: TQuestion[]; canModerate: boolean }> {
  const id = parseInput(ZSessionId, sessionId);
  const { role } = await requireInRoom(db, actor, id);
  const canModerate = isModerator(role);
  const rows = await db
    .select({
      id: questions.id,
      body: questions.body,
      authorName: sql<string>`coalesce(${users.name}, 'Someone')`,
      votes: questions.votes,
      myVote: sql<boolean>`exists (select 1 from ${questionVotes} v where v.question_id = ${questions.id} and v.user_id = ${actor!.id})`,
      answeredAt: questions.answeredAt,
      pinnedAt: questions.pinnedAt,
      hiddenAt: questions.hiddenAt,
      createdAt: questions.createdAt,
    })
    .from(questions)
    .leftJoin(users, eq(users.id, questions.authorId))
    .where(and(eq(questions.sessionId, id), canModerate ? undefined : isNull(questions.hiddenAt)))
    .orderBy(sql`${questions.pinnedAt} is null`, desc(questions.votes), asc(questions.createdAt), asc(questions.id))
    .limit(500);
  return {
    canModerate,
    questions: rows.map((r) => ({
      id: r.id,
      body: r.body,
      authorName: r.authorName,
      votes: r.votes,
      myVote: r.myVote,
      answered: !!r.answeredAt,
      pinned: !!r.pinnedAt,
      hidden: !!r.hiddenAt,
      createdAt: r.createdAt,
    })),
  };
}
