import { and, eq } from 'drizzle-orm';
import { eventSessions, notifications, outbox, sessionHosts, users } from '@/db/schema';
import { askQuestion, listQuestions, moderateQuestion, voteQuestion } from '@/lib/sessions/qa';
import { cancelSession, updateSession } from '@/lib/sessions/save-session';
import { cancelSignUp, signUp } from '@/lib/sessions/sign-up';
import { onNowAndNext, sessionCard } from '@/lib/sessions/queries';
import { decideStage, goOnStage, leaveStage, requestStage, withdrawStage } from '@/lib/sessions/stage';
import { actor, codeOf, demoFair } from '../helpers/chat-fixtures';
import { HOST, makeSession, ORGANIZER, talent } from '../helpers/session-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  // A person who never registered for the demo fair.
  await t.db.insert(users).values({ id: 'stranger', name: 'Stranger', email: 'stranger@example.test' });
}, 60_000);
afterAll(() => t.drop());

const form = (over: Record<string, unknown> = {}) => ({
  title: 'Data careers workshop',
  description: '',
  kind: 'workshop',
  companyId: '',
  date: fair.day.date,
  startTime: '10:00',
  endTime: '11:00',
  capacity: '2',
  signUpRequired: true,
  stageLimit: '2',
  hostIds: [HOST],
  ...over,
});

async function openNow(id: string) {
  const start = new Date(Date.now() - 5 * 60_000);
  await t.db.update(eventSessions).set({ startsAt: start, endsAt: new Date(start.getTime() + 60 * 60_000) }).where(eq(eventSessions.id, id));
}

describe('organizers', () => {
  test('only organizers create sessions, and hosts must be registered for the event', async () => {
    expect(await codeOf(makeSession(t.db, fair, { title: 'Nope' }).then(() => undefined))).toBe('ok');
    const { createSession } = await import('@/lib/sessions/save-session');
    expect(await codeOf(createSession(t.db, actor(talent(3)), fair.event.id, form()))).toBe('forbidden');
    expect(await codeOf(createSession(t.db, ORGANIZER, fair.event.id, form({ hostIds: ['stranger'] })))).toBe('invalid_input');
    expect(await codeOf(createSession(t.db, ORGANIZER, fair.event.id, form({ endTime: '10:15' })))).toBe('invalid_input');
  });

  test('a larger capacity seats the waitlist in order; a capacity below the seats taken is refused', async () => {
    const id = await makeSession(t.db, fair, { capacity: '1', signUpRequired: true });
    await signUp(t.db, actor(talent(2)), id);
    expect(await signUp(t.db, actor(talent(3)), id)).toEqual({ status: 'waitlisted', position: 1 });
    expect(await signUp(t.db, actor(talent(4)), id)).toEqual({ status: 'waitlisted', position: 2 });
    await updateSession(t.db, ORGANIZER, id, form({ capacity: '2' }));
    const [row] = await t.db.select().from(eventSessions).where(eq(eventSessions.id, id));
    expect(row!.seatsTaken).toBe(2);
    const told = await t.db.select().from(notifications).where(and(eq(notifications.userId, talent(3)), eq(notifications.kind, 'session.promoted')));
    expect(told).toHaveLength(1);
    expect(await codeOf(updateSession(t.db, ORGANIZER, id, form({ capacity: '1' })))).toBe('not_allowed_now');
  });

  test('cancelling tells everyone signed up and the hosts: a notification and a mail with METHOD:CANCEL', async () => {
    const id = await makeSession(t.db, fair, { capacity: '5', signUpRequired: true, title: 'To be cancelled' });
    await signUp(t.db, actor(talent(5)), id);
    await signUp(t.db, actor(talent(6)), id);
    expect(await cancelSession(t.db, ORGANIZER, id)).toEqual({ told: 3 });
    const mails = await t.db.select().from(outbox).where(eq(outbox.kind, 'session.cancelled'));
    expect(mails).toHaveLength(3);
    expect(mails[0]!.attachments[0]!.content).toContain('METHOD:CANCEL');
    expect(mails[0]!.attachments[0]!.content).toContain('STATUS:CANCELLED');
    const notes = await t.db.select().from(notifications).where(eq(notifications.kind, 'session.cancelled'));
    expect(notes.map((n) => n.userId).sort()).toEqual([HOST, talent(5), talent(6)].sort());
    expect(await codeOf(signUp(t.db, actor(talent(7)), id))).toBe('not_allowed_now');
  });
});

describe('sign-up', () => {
  test('cancelling a seat promotes the first waitlisted person, who is told with a calendar entry', async () => {
    const id = await makeSession(t.db, fair, { capacity: '1', signUpRequired: true, title: 'Promotion' });
    await signUp(t.db, actor(talent(8)), id);
    await signUp(t.db, actor(talent(9)), id);
    await signUp(t.db, actor(talent(10)), id);
    expect(await cancelSignUp(t.db, actor(talent(8)), id)).toEqual({ promoted: [talent(9)] });
    const mails = await t.db.select().from(outbox).where(eq(outbox.kind, 'session.promoted'));
    expect(mails.some((m) => m.attachments[0]!.content.includes('METHOD:REQUEST'))).toBe(true);
    // Signing up again puts a person at the end of the waitlist.
    expect(await signUp(t.db, actor(talent(8)), id)).toEqual({ status: 'waitlisted', position: 2 });
    expect(await codeOf(signUp(t.db, actor(talent(8)), id))).toBe('conflict');
  });

  test('a stranger to the event cannot sign up', async () => {
    const id = await makeSession(t.db, fair, { title: 'Strangers' });
    expect(await codeOf(signUp(t.db, actor('stranger'), id))).toBe('forbidden');
  });
});

describe('stage', () => {
  test('request, accept, on screen, deactivate; withdraw; decline; the limit holds', async () => {
    const id = await makeSession(t.db, fair, { title: 'Stage', stageLimit: '1' });
    await openNow(id);
    const a = await requestStage(t.db, actor(talent(11)), id);
    expect(await codeOf(requestStage(t.db, actor(talent(11)), id))).toBe('conflict');
    expect(await codeOf(decideStage(t.db, actor(talent(12)), { requestId: a.requestId, decision: 'accept' }))).toBe('forbidden');
    await decideStage(t.db, actor(HOST), { requestId: a.requestId, decision: 'accept' });
    expect(await goOnStage(t.db, actor(talent(11)), id)).toEqual({ sessionId: id, userId: talent(11), publish: true });
    const b = await requestStage(t.db, actor(talent(12)), id);
    expect(await codeOf(decideStage(t.db, actor(HOST), { requestId: b.requestId, decision: 'accept' }))).toBe('not_allowed_now');
    expect(await leaveStage(t.db, actor(talent(11)), id)).toEqual({ sessionId: id, userId: talent(11), publish: false });
    await withdrawStage(t.db, actor(talent(12)), id);
    expect(await codeOf(decideStage(t.db, actor(HOST), { requestId: b.requestId, decision: 'accept' }))).toBe('not_allowed_now');
    const c = await requestStage(t.db, actor(talent(13)), id);
    await decideStage(t.db, actor(HOST), { requestId: c.requestId, decision: 'accept' });
    expect(await decideStage(t.db, actor(HOST), { requestId: c.requestId, decision: 'move_back' })).toEqual({ sessionId: id, userId: talent(13), publish: false });
    const d = await requestStage(t.db, actor(talent(23)), id);
    await decideStage(t.db, actor(HOST), { requestId: d.requestId, decision: 'decline' });
    expect(await codeOf(goOnStage(t.db, actor(talent(23)), id))).toBe('not_allowed_now');
    const [row] = await t.db.select().from(eventSessions).where(eq(eventSessions.id, id));
    expect(row!.stageTaken).toBe(0);
  });

  test('the room takes no requests before it opens', async () => {
    const id = await makeSession(t.db, fair, { title: 'Later' });
    expect(await codeOf(requestStage(t.db, actor(talent(14)), id))).toBe('not_allowed_now');
  });
});

describe('Q&A', () => {
  test('votes toggle, sort by votes then time, pinned first; hidden questions are not served to the audience', async () => {
    const id = await makeSession(t.db, fair, { title: 'Q&A session' });
    const first = await askQuestion(t.db, actor(talent(15)), { sessionId: id, body: 'First?' });
    const second = await askQuestion(t.db, actor(talent(16)), { sessionId: id, body: 'Second?' });
    const third = await askQuestion(t.db, actor(talent(17)), { sessionId: id, body: 'Third?' });
    await voteQuestion(t.db, actor(talent(18)), { questionId: second.questionId, voted: true });
    await voteQuestion(t.db, actor(talent(19)), { questionId: second.questionId, voted: true });
    await voteQuestion(t.db, actor(talent(19)), { questionId: third.questionId, voted: true });
    await voteQuestion(t.db, actor(talent(19)), { questionId: third.questionId, voted: false });
    let list = await listQuestions(t.db, actor(talent(19)), id);
    expect(list.questions.map((q) => [q.body, q.votes, q.myVote])).toEqual([['Second?', 2, true], ['First?', 0, false], ['Third?', 0, false]]);
    expect(await codeOf(moderateQuestion(t.db, actor(talent(19)), { questionId: first.questionId, action: 'hide' }))).toBe('forbidden');
    await moderateQuestion(t.db, actor(HOST), { questionId: first.questionId, action: 'hide' });
    await moderateQuestion(t.db, actor(HOST), { questionId: third.questionId, action: 'pin' });
    await moderateQuestion(t.db, actor(HOST), { questionId: second.questionId, action: 'answer' });
    list = await listQuestions(t.db, actor(talent(19)), id);
    expect(list.questions.map((q) => q.body)).toEqual(['Third?', 'Second?']);
    expect(list.questions[1]!.answered).toBe(true);
    const hosts = await listQuestions(t.db, actor(HOST), id);
    expect(hosts.questions.find((q) => q.body === 'First?')?.hidden).toBe(true);
    expect(await codeOf(listQuestions(t.db, actor('stranger'), id))).toBe('forbidden');
  });

  test('sign-up sessions keep their Q&A to people with a seat', async () => {
    const id = await makeSession(t.db, fair, { title: 'Closed QA', capacity: '1', signUpRequired: true });
    await signUp(t.db, actor(talent(20)), id);
    await signUp(t.db, actor(talent(21)), id);
    expect(await codeOf(listQuestions(t.db, actor(talent(20)), id))).toBe('ok');
    expect(await codeOf(listQuestions(t.db, actor(talent(21)), id))).toBe('forbidden');
    expect(await codeOf(listQuestions(t.db, actor(talent(22)), id))).toBe('forbidden');
    const hosts = await t.db.select().from(sessionHosts).where(eq(sessionHosts.sessionId, id));
    expect(hosts).toHaveLength(1);
  });
});

test("the lobby's on now and next lists carry each session's hosts and the viewer's sign-up, as its own card does", async () => {
  const now = await makeSession(t.db, fair, { title: 'Lobby now', signUpRequired: true, capacity: '1' });
  await openNow(now);
  const later = await makeSession(t.db, fair, { title: 'Lobby later', signUpRequired: true, capacity: '1' });
  await t.db.update(eventSessions).set({ startsAt: new Date(Date.now() + 60_000), endsAt: new Date(Date.now() + 3_600_000) }).where(eq(eventSessions.id, later));
  await signUp(t.db, actor(talent(5)), now);
  await signUp(t.db, actor(talent(6)), later);
  await signUp(t.db, actor(talent(5)), later);
  const lists = await onNowAndNext(t.db, fair.event.id, talent(5));
  const nowCard = lists.onNow.find((c) => c.session.id === now);
  const laterCard = lists.next.find((c) => c.session.id === later);
  expect(nowCard).toMatchObject({ hosts: [{ id: HOST }], mine: { status: 'registered', position: null }, isHost: false });
  expect(laterCard).toMatchObject({ hosts: [{ id: HOST }], mine: { status: 'waitlisted', position: 1 } });
  expect(lists.next.some((c) => c.session.id === now)).toBe(false);
  for (const card of [...lists.onNow, ...lists.next]) expect(card).toEqual(await sessionCard(t.db, card.session.id, talent(5)));
  // The host sees both as theirs, signed up to neither.
  const host = await onNowAndNext(t.db, fair.event.id, HOST);
  expect(host.onNow.find((c) => c.session.id === now)).toMatchObject({ isHost: true, mine: null });
});
