import { and, asc, eq, sql } from 'drizzle-orm';
import { eventSessions, questions, questionVotes, sessionRegistrations, stageRequests } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { voteQuestion, askQuestion } from '@/lib/sessions/qa';
import { cancelSignUp, signUp } from '@/lib/sessions/sign-up';
import { decideStage, requestStage } from '@/lib/sessions/stage';
import { actor, demoFair } from '../helpers/chat-fixtures';
import { HOST, makeSession, talent } from '../helpers/session-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Real concurrent transactions need separate sessions: PostgreSQL only (PGlite is one session).
const pgOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === 'fulfilled' ? 'ok' : r.reason instanceof AppError ? r.reason.code : `crash: ${String(r.reason)}`)).sort();
const seats = async (id: string) => (await t.db.select().from(eventSessions).where(eq(eventSessions.id, id)))[0]!;
const regs = (id: string) =>
  t.db.select().from(sessionRegistrations).where(eq(sessionRegistrations.sessionId, id)).orderBy(asc(sessionRegistrations.queuedSeq));

pgOnly('session races on PostgreSQL', () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    fair = await demoFair(t.db);
  }, 60_000);
  afterAll(() => t.drop());

  test('twelve people race for the last seat: exactly one gets it, the rest are waitlisted 1…11 in order', async () => {
    const id = await makeSession(t.db, fair, { capacity: '3', signUpRequired: true });
    await signUp(t.db, actor(talent(2)), id);
    await signUp(t.db, actor(talent(3)), id);
    const racers = Array.from({ length: 12 }, (_, i) => talent(10 + i));
    const results = await Promise.allSettled(racers.map((u) => signUp(t.db, actor(u), id)));
    expect(codes(results)).toEqual(Array(12).fill('ok'));
    const outcomes = results.map((r) => (r as PromiseFulfilledResult<{ status: string; position: number | null }>).value);
    expect(outcomes.filter((o) => o.status === 'registered')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'waitlisted').map((o) => o.position).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    const rows = await regs(id);
    expect(rows.filter((r) => r.status === 'registered')).toHaveLength(3);
    // The waitlist order is the order in which the sign-ups committed, with no gaps or ties.
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    expect(new Set(waiting.map((r) => r.queuedSeq)).size).toBe(11);
    expect((await seats(id)).seatsTaken).toBe(3);
  });

  test('a cancellation racing new sign-ups: the freed seat goes to the first waitlisted person, never to a newcomer, never over capacity', async () => {
    const id = await makeSession(t.db, fair, { capacity: '1', signUpRequired: true, title: 'Cancel race' });
    await signUp(t.db, actor(talent(2)), id);
    await signUp(t.db, actor(talent(3)), id); // waitlist #1
    const results = await Promise.allSettled([
      cancelSignUp(t.db, actor(talent(2)), id),
      ...[4, 5, 6, 7].map((n) => signUp(t.db, actor(talent(n)), id)),
    ]);
    expect(codes(results)).toEqual(Array(5).fill('ok'));
    const cancel = (results[0] as PromiseFulfilledResult<{ promoted: string[] }>).value;
    expect(cancel.promoted).toEqual([talent(3)]);
    const rows = await regs(id);
    expect(rows.filter((r) => r.status === 'registered').map((r) => r.userId)).toEqual([talent(3)]);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(4);
    expect((await seats(id)).seatsTaken).toBe(1);
  });

  test('the same person votes twice at once: one vote counted', async () => {
    const id = await makeSession(t.db, fair, { title: 'Vote race' });
    const { questionId } = await askQuestion(t.db, actor(talent(5)), { sessionId: id, body: 'Remote work?' });
    const voters = [talent(6), talent(6), talent(6), talent(7), talent(7)];
    const results = await Promise.allSettled(voters.map((u) => voteQuestion(t.db, actor(u), { questionId, voted: true })));
    expect(codes(results)).toEqual(Array(5).fill('ok'));
    const [q] = await t.db.select().from(questions).where(eq(questions.id, questionId));
    const [n] = await t.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(questionVotes).where(eq(questionVotes.questionId, questionId));
    expect(q!.votes).toBe(2);
    expect(n!.n).toBe(2);
  });

  test('two hosts accept different requests for the last stage place at once: one is accepted, the other hears the stage is full', async () => {
    const id = await makeSession(t.db, fair, { title: 'Stage race', stageLimit: '1', hostIds: [HOST, 'demo-recruiter-1-2'] });
    // Open now: the room takes stage requests only while it is open.
    const start = new Date(Date.now() - 5 * 60_000);
    await t.db.update(eventSessions).set({ startsAt: start, endsAt: new Date(start.getTime() + 60 * 60_000) }).where(eq(eventSessions.id, id));
    const a = await requestStage(t.db, actor(talent(8)), id);
    const b = await requestStage(t.db, actor(talent(9)), id);
    const results = await Promise.allSettled([
      decideStage(t.db, actor(HOST), { requestId: a.requestId, decision: 'accept' }),
      decideStage(t.db, actor('demo-recruiter-1-2'), { requestId: b.requestId, decision: 'accept' }),
    ]);
    expect(codes(results)).toEqual(['not_allowed_now', 'ok']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as AppError).message).toMatch(/stage is full/);
    const accepted = await t.db.select().from(stageRequests).where(and(eq(stageRequests.sessionId, id), eq(stageRequests.status, 'accepted')));
    expect(accepted).toHaveLength(1);
    expect((await seats(id)).stageTaken).toBe(1);
  });
});
