// A person's standing in a session — the session, its event's visibility and their role — is
// one statement (lib/sessions/permissions.ts requireSessionRole / requireQuestionSessionRole):
// every live read and write of a busy room asks it. The same refusals as when it took four.
import { eq } from 'drizzle-orm';
import { companies, events, users } from '@/db/schema';
import { askQuestion, voteQuestion } from '@/lib/sessions/qa';
import { requireQuestionSessionRole, requireSessionRole } from '@/lib/sessions/permissions';
import { signUp } from '@/lib/sessions/sign-up';
import { actor, codeOf, demoFair } from '../helpers/chat-fixtures';
import { HOST, makeSession, ORGANIZER, talent } from '../helpers/session-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
let sessionId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  const [northwind] = await t.db.select({ id: companies.id }).from(companies).where(eq(companies.slug, 'northwind-analytics'));
  sessionId = await makeSession(t.db, fair, { title: 'Standing', companyId: northwind!.id, capacity: '1', signUpRequired: true });
  await signUp(t.db, actor(talent(2)), sessionId);
  await signUp(t.db, actor(talent(3)), sessionId);
}, 60_000);
afterAll(() => t.drop());

const roleOf = async (userId: string) => (await requireSessionRole(t.db, actor(userId), sessionId)).role;

test('each role from the one statement: organizer, host, company, registered, waitlisted, attendee, nobody', async () => {
  expect(await roleOf(ORGANIZER.id)).toBe('organizer');
  expect(await roleOf(HOST)).toBe('host');
  expect(await roleOf('demo-recruiter-1-2')).toBe('company');
  expect(await roleOf(talent(2))).toBe('registered');
  expect(await roleOf(talent(3))).toBe('waitlisted');
  // A recruiter of another company and a talent of the event are only the event's people.
  expect(await roleOf('demo-recruiter-2-1')).toBe('attendee');
  expect(await roleOf(talent(4))).toBe('attendee');
  // The first demo talent is not registered for the event.
  expect(await roleOf(talent(1))).toBeNull();
  const { session } = await requireSessionRole(t.db, actor(talent(4)), sessionId);
  expect(session).toMatchObject({ id: sessionId, title: 'Standing', capacity: 1 });
  expect(await codeOf(requireSessionRole(t.db, null, sessionId))).toBe('unauthorized');
  expect(await codeOf(requireSessionRole(t.db, actor(talent(4)), '00000000-0000-4000-8000-000000000000'))).toBe('not_found');
});

test("a draft event's sessions exist only for its people and platform admins", async () => {
  const [before] = await t.db.select({ status: events.status }).from(events).where(eq(events.id, fair.event.id));
  await t.db.update(events).set({ status: 'draft' }).where(eq(events.id, fair.event.id));
  try {
    expect(await codeOf(requireSessionRole(t.db, actor(talent(1)), sessionId))).toBe('not_found');
    expect(await roleOf(talent(4))).toBe('attendee');
    // An admin with no registration in the event sees it, and manages it.
    const [stranger] = await t.db.insert(users).values({ id: 'standing-admin', email: 'standing-admin@example.com', isAdmin: true }).returning({ id: users.id });
    expect((await requireSessionRole(t.db, { id: stranger!.id, isAdmin: true }, sessionId)).role).toBe('organizer');
    expect(await codeOf(requireSessionRole(t.db, { id: stranger!.id, isAdmin: false }, sessionId))).toBe('not_found');
  } finally {
    await t.db.update(events).set({ status: before!.status }).where(eq(events.id, fair.event.id));
  }
});

test("a vote reads the question with the voter's standing, and refuses whoever is not in the room", async () => {
  const { questionId } = await askQuestion(t.db, actor(talent(2)), { sessionId, body: 'How big is the team?' });
  const standing = await requireQuestionSessionRole(t.db, actor(talent(2)), questionId);
  expect(standing).toMatchObject({ role: 'registered', session: { id: sessionId }, question: { authorId: talent(2), hiddenAt: null } });
  expect(await codeOf(voteQuestion(t.db, actor(talent(3)), { questionId, voted: true }))).toBe('forbidden');
  expect(await codeOf(voteQuestion(t.db, actor(talent(4)), { questionId, voted: true }))).toBe('forbidden');
  expect(await codeOf(voteQuestion(t.db, actor(talent(1)), { questionId, voted: true }))).toBe('forbidden');
  expect(await codeOf(voteQuestion(t.db, actor(talent(2)), { questionId: '00000000-0000-4000-8000-000000000000', voted: true }))).toBe('not_found');
  expect(await codeOf(voteQuestion(t.db, actor(talent(2)), { questionId: 'nope', voted: true }))).toBe('invalid_input');
  expect(await voteQuestion(t.db, actor('demo-recruiter-1-2'), { questionId, voted: true })).toEqual({ votes: 1 });
  expect(await voteQuestion(t.db, actor(talent(2)), { questionId, voted: true })).toEqual({ votes: 2 });
  expect(await voteQuestion(t.db, actor(talent(2)), { questionId, voted: true })).toEqual({ votes: 2 });
  expect(await voteQuestion(t.db, actor(talent(2)), { questionId, voted: false })).toEqual({ votes: 1 });
});
