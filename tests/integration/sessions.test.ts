// Sessions are revocable: a signed cookie counts only while its row in `sessions` stands.
import { eq } from 'drizzle-orm';
import { sessions } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import path from 'node:path';
import { openPostgres } from '@/db/client';
import { checkedSessionClaims, closeSession, isSessionActive, openSession, sessionUserRow } from '@/lib/auth/sessions';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
}, 60_000);
afterAll(() => t.drop());

test('signing out ends the session wherever its cookie is', async () => {
  const sid = await openSession(t.db, 'demo-talent-02');
  const cookie = { sub: 'demo-talent-02', sid, via: 'email' };
  expect(await isSessionActive(t.db, cookie, false)).toBe(true);
  await closeSession(t.db, cookie);
  expect(await isSessionActive(t.db, cookie, false)).toBe(false);
});

test('a demo sign-in session ends when demo mode is turned off', async () => {
  const sid = await openSession(t.db, 'demo-talent-03');
  const cookie = { sub: 'demo-talent-03', sid, via: 'demo' };
  expect(await isSessionActive(t.db, cookie, true)).toBe(true);
  expect(await isSessionActive(t.db, cookie, false)).toBe(false);
  // A magic-link session of the same person is not a demo session.
  expect(await isSessionActive(t.db, { ...cookie, via: 'email' }, false)).toBe(true);
});

test('a cookie without a recorded session, or past its end, is signed out', async () => {
  expect(await isSessionActive(t.db, { sub: 'demo-talent-04' }, true)).toBe(false);
  expect(await isSessionActive(t.db, { sub: 'demo-talent-04', sid: 'made-up' }, true)).toBe(false);
  const sid = await openSession(t.db, 'demo-talent-04');
  await t.db.update(sessions).set({ expires: new Date(Date.now() - 1000) }).where(eq(sessions.sessionToken, sid));
  expect(await isSessionActive(t.db, { sub: 'demo-talent-04', sid }, true)).toBe(false);
});

test('when the database cannot answer, a session is marked unchecked — neither signed out nor let in', async () => {
  const sid = await openSession(t.db, 'demo-talent-05');
  const cookie = { sub: 'demo-talent-05', sid, via: 'email' };
  expect(await checkedSessionClaims(t.db, cookie, false)).toEqual(cookie);
  // A real client for a PostgreSQL that is not there (nothing listens on port 9): an outage.
  const down = openPostgres('postgres://postgres@127.0.0.1:9/fg_nowhere', path.resolve('db/migrations'), 1);
  try {
    // It said "signed out" (null): during an outage signed-in people were told to sign in again.
    expect(await checkedSessionClaims(down.db, cookie, false)).toEqual({ ...cookie, unchecked: true });
  } finally {
    await down.close();
  }
  // The next check that the database answers drops the mark, or ends the session as before.
  expect(await checkedSessionClaims(t.db, { ...cookie, unchecked: true }, false)).toEqual(cookie);
  await closeSession(t.db, cookie);
  expect(await checkedSessionClaims(t.db, { ...cookie, unchecked: true }, false)).toBeNull();
});

// Pages read the session and its user in one statement (lib/auth/session-user.ts): the same
// refusals as isSessionActive, and only the cookie's own subject.
test('sessionUserRow gives the user of a standing session, and refuses as isSessionActive does', async () => {
  const sid = await openSession(t.db, 'demo-talent-10');
  const cookie = { sub: 'demo-talent-10', sid, via: 'email' };
  expect((await sessionUserRow(t.db, cookie, false))?.id).toBe('demo-talent-10');
  expect((await sessionUserRow(t.reads, cookie, false))?.email).toBe('talent10@demo.fairground.test');
  // Another person's cookie naming this session is no way in.
  expect(await sessionUserRow(t.db, { ...cookie, sub: 'demo-talent-11' }, false)).toBeNull();
  expect(await sessionUserRow(t.db, { ...cookie, via: 'demo' }, false)).toBeNull();
  expect((await sessionUserRow(t.db, { ...cookie, via: 'demo' }, true))?.id).toBe('demo-talent-10');
  expect(await sessionUserRow(t.db, { sub: 'demo-talent-10' }, true)).toBeNull();
  expect(await sessionUserRow(t.db, { sub: 'demo-talent-10', sid: 'made-up' }, true)).toBeNull();
  await closeSession(t.db, cookie);
  expect(await sessionUserRow(t.db, cookie, false)).toBeNull();
  const late = await openSession(t.db, 'demo-talent-10');
  await t.db.update(sessions).set({ expires: new Date(Date.now() - 1000) }).where(eq(sessions.sessionToken, late));
  expect(await sessionUserRow(t.db, { sub: 'demo-talent-10', sid: late }, true)).toBeNull();
});
