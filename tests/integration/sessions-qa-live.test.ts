// Issue 12: a session's Q&A and chat stay cheap for a thousand watchers (a vote's count and a
// new chat message ride in their hints) without serving anyone what they may not see; and
// questions may wait for a host's approval. Runs on PGlite and PostgreSQL (the parallel votes
// only show lock order on PostgreSQL).
import { and, eq } from 'drizzle-orm';
import { eventSessions, questionVotes } from '@/db/schema';
import { topics, type TTopic } from '@/lib/live/topics';
import { askQuestion, listQuestions, moderateQuestion, voteQuestion } from '@/lib/sessions/qa';
import { cancelSignUp, signUp } from '@/lib/sessions/sign-up';
import { postMessage } from '@/lib/threads';
import { actor, codeOf, demoFair } from '../helpers/chat-fixtures';
import { HOST, makeSession, ORGANIZER, talent } from '../helpers/session-fixtures';
import { openStream, until, useLiveDatabase } from '../helpers/live-streams';
import type { TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;

const open = (userId: string, topicList: TTopic[]) => openStream(t.db, userId, topicList);

useLiveDatabase((db, demo) => {
  t = db;
  fair = demo;
});

describe('question approval', () => {
  test('a waiting question is served to its author and the hosts only; approving shows it to everyone', async () => {
    const id = await makeSession(t.db, fair, { title: 'Approved QA', questionsNeedApproval: true });
    const { questionId, pending } = await askQuestion(t.db, actor(talent(2)), { sessionId: id, body: 'May I ask this?' });
    expect(pending).toBe(true);
    const bodies = async (userId: string) => (await listQuestions(t.db, actor(userId), id)).questions.map((q) => [q.body, q.pending]);
    expect(await bodies(talent(2))).toEqual([['May I ask this?', true]]);
    expect(await bodies(talent(3))).toEqual([]);
    expect(await bodies(HOST)).toEqual([['May I ask this?', true]]);
    expect(await bodies(ORGANIZER.id)).toEqual([['May I ask this?', true]]);
    // Nobody votes on it yet; someone else is not even told it exists.
    expect(await codeOf(voteQuestion(t.db, actor(talent(3)), { questionId, voted: true }))).toBe('not_found');
    expect(await codeOf(voteQuestion(t.db, actor(talent(2)), { questionId, voted: true }))).toBe('not_allowed_now');
    expect(await codeOf(moderateQuestion(t.db, actor(talent(3)), { questionId, action: 'approve' }))).toBe('forbidden');

    await moderateQuestion(t.db, actor(HOST), { questionId, action: 'approve' });
    expect(await bodies(talent(3))).toEqual([['May I ask this?', false]]);
    expect(await codeOf(moderateQuestion(t.db, actor(HOST), { questionId, action: 'approve' }))).toBe('not_allowed_now');
    await voteQuestion(t.db, actor(talent(3)), { questionId, voted: true });
    expect((await listQuestions(t.db, actor(talent(3)), id)).questions[0]).toMatchObject({ votes: 1, myVote: true });
  });

  test('hiding a waiting question rejects it; a host asks without waiting; sessions without the setting show at once', async () => {
    const id = await makeSession(t.db, fair, { title: 'Rejected QA', questionsNeedApproval: true });
    const { questionId } = await askQuestion(t.db, actor(talent(4)), { sessionId: id, body: 'Off topic?' });
    await moderateQuestion(t.db, actor(HOST), { questionId, action: 'hide' });
    expect((await listQuestions(t.db, actor(talent(4)), id)).questions).toEqual([]);
    expect((await listQuestions(t.db, actor(HOST), id)).questions.map((q) => [q.hidden, q.pending])).toEqual([[true, true]]);
    expect((await askQuestion(t.db, actor(HOST), { sessionId: id, body: 'From the host' })).pending).toBe(false);
    expect((await listQuestions(t.db, actor(talent(5)), id)).questions.map((q) => q.body)).toEqual(['From the host']);

    const open = await makeSession(t.db, fair, { title: 'Open QA' });
    expect((await askQuestion(t.db, actor(talent(4)), { sessionId: open, body: 'Straight in?' })).pending).toBe(false);
    expect((await listQuestions(t.db, actor(talent(5)), open)).questions.map((q) => q.body)).toEqual(['Straight in?']);
  });

  test('the database refuses a vote on a waiting question, whatever the caller checked', async () => {
    const id = await makeSession(t.db, fair, { title: 'Trigger QA', questionsNeedApproval: true });
    const { questionId } = await askQuestion(t.db, actor(talent(6)), { sessionId: id, body: 'Counted?' });
    const refused = await t.db.insert(questionVotes).values({ questionId, userId: talent(7) }).then(() => null, (e: { cause?: Error }) => e.cause?.message);
    expect(refused).toMatch(/waiting for approval/);
    expect(await t.db.select().from(questionVotes).where(and(eq(questionVotes.questionId, questionId)))).toEqual([]);
  });
});

describe('hints that carry data', () => {
  test("a vote's hint carries its count; under parallel votes the last hint holds the final count", async () => {
    const id = await makeSession(t.db, fair, { title: 'Vote hints' });
    const { questionId } = await askQuestion(t.db, actor(talent(8)), { sessionId: id, body: 'Popular?' });
    const s = await open(talent(9), [topics.sessionQa(id)]);
    try {
      const voters = Array.from({ length: 12 }, (_, i) => talent(10 + i));
      const results = await Promise.allSettled(voters.map((v) => voteQuestion(t.db, actor(v), { questionId, voted: true })));
      expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
      await until(() => s.hints.filter((h) => h.ids?.question === questionId && h.data).length === 12);
      const counts = s.hints.filter((h) => h.data).map((h) => h.data!.votes);
      // Commit order: every count once, rising to the final one.
      expect(counts).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect((await listQuestions(t.db, actor(talent(9)), id)).questions[0]!.votes).toBe(12);
    } finally {
      s.off();
    }
  }, 30_000);

  test('a new session chat message rides in its hint; a waiting question\'s hint carries no text', async () => {
    const id = await makeSession(t.db, fair, { title: 'Chat hints', questionsNeedApproval: true });
    const s = await open(talent(2), [topics.thread('session', id), topics.sessionQa(id)]);
    try {
      const { seq } = await postMessage(t.db, actor(talent(3)), { kind: 'session', ownerId: id, body: 'Hi "all" \\o/' });
      await askQuestion(t.db, actor(talent(3)), { sessionId: id, body: 'Secret question?' });
      await until(() => s.hints.length >= 2);
      const chat = s.hints.find((h) => h.topic === topics.thread('session', id))!;
      expect(chat.data).toMatchObject({ seq, body: 'Hi "all" \\o/', authorId: talent(3), hidden: false, redacted: false });
      const qa = s.hints.find((h) => h.topic === topics.sessionQa(id))!;
      expect(qa.ids?.pending).toBe(1);
      expect(JSON.stringify(qa)).not.toContain('Secret');
      // Approved, the question rides whole (no one's own vote); hidden, only its id.
      const questionId = String(qa.ids!.question);
      await moderateQuestion(t.db, actor(HOST), { questionId, action: 'approve' });
      await until(() => s.hints.some((h) => h.data?.question));
      expect(s.hints.find((h) => h.data?.question)!.data!.question).toMatchObject({ id: questionId, body: 'Secret question?', votes: 0, pending: false, hidden: false });
      expect(s.hints.find((h) => h.data?.question)!.data!.question).not.toHaveProperty('myVote');
      await moderateQuestion(t.db, actor(HOST), { questionId, action: 'hide' });
      await until(() => s.hints.some((h) => h.ids?.hidden));
      expect(JSON.stringify(s.hints.find((h) => h.ids?.hidden))).not.toContain('Secret');
    } finally {
      s.off();
    }
  }, 30_000);

  test("cancelling a required sign-up closes that person's chat and Q&A streams, and only theirs", async () => {
    const id = await makeSession(t.db, fair, { title: 'Leaving', signUpRequired: true });
    const start = new Date(Date.now() - 5 * 60_000);
    await t.db.update(eventSessions).set({ startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) }).where(eq(eventSessions.id, id));
    await signUp(t.db, actor(talent(22)), id);
    await signUp(t.db, actor(talent(23)), id);
    const room = [topics.thread('session', id), topics.sessionQa(id)];
    const leaving = await open(talent(22), room);
    const staying = await open(talent(23), room);
    try {
      await cancelSignUp(t.db, actor(talent(22)), id);
      await until(() => leaving.revoked.length > 0);
      await postMessage(t.db, actor(talent(23)), { kind: 'session', ownerId: id, body: 'After you left' });
      await until(() => staying.hints.some((h) => h.data?.body === 'After you left'));
      expect(staying.revoked).toEqual([]);
      expect(leaving.hints.some((h) => h.data?.body === 'After you left')).toBe(false);
    } finally {
      leaving.off();
      staying.off();
    }
  }, 30_000);
});
