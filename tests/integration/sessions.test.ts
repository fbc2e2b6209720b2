// Sessions are revocable: a signed cookie counts only while its row in `sessions` stands.
import { eq } from 'drizzle-orm';
import { sessions } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import path from 'node:path';
import { openPostgres } from '@/db/client';
import { checkedSessionClaims, checkedSessionUser, closeSession, isSessionActive, openSession, sessionUserRow } from '@/lib/auth/sessions';
import { toErrorBody } from '@/lib/errors';
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

// Pages, route handlers and actions read the session and its user in one statement: the same
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

// Route handlers and server actions resolve their caller through the same one statement
// (lib/auth/current-user.ts getCurrentUser → checkedSessionUser), with the outage rule of the
// jwt callback: an unanswered check is an error, never "signed out".
test('checkedSessionUser: signed out, revoked and expired are null; demo sessions follow demo mode', async () => {
  expect(await checkedSessionUser(t.db, null, true)).toBeNull();
  expect(await checkedSessionUser(t.reads, { sub: 'demo-talent-12' }, true)).toBeNull();
  const sid = await openSession(t.db, 'demo-talent-12');
  const cookie = { sub: 'demo-talent-12', sid, via: 'email' };
  expect((await checkedSessionUser(t.reads, cookie, false))?.id).toBe('demo-talent-12');
  expect(await checkedSessionUser(t.reads, { ...cookie, via: 'demo' }, false)).toBeNull();
  expect((await checkedSessionUser(t.reads, { ...cookie, via: 'demo' }, true))?.id).toBe('demo-talent-12');
  // Revoked (signed out elsewhere): the prepared statement sees the row gone at once.
  await closeSession(t.db, cookie);
  expect(await checkedSessionUser(t.reads, cookie, false)).toBeNull();
  const late = await openSession(t.db, 'demo-talent-12');
  expect((await checkedSessionUser(t.reads, { ...cookie, sid: late }, false))?.id).toBe('demo-talent-12');
  await t.db.update(sessions).set({ expires: new Date(Date.now() - 1000) }).where(eq(sessions.sessionToken, late));
  expect(await checkedSessionUser(t.reads, { ...cookie, sid: late }, false)).toBeNull();
});

test('checkedSessionUser: when the database cannot answer, the caller gets the generic error, not "please sign in"', async () => {
  const sid = await openSession(t.db, 'demo-talent-13');
  const cookie = { sub: 'demo-talent-13', sid, via: 'email' };
  const down = openPostgres('postgres://postgres@127.0.0.1:9/fg_nowhere', path.resolve('db/migrations'), 1);
  const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const outcome = await checkedSessionUser(down.reads, cookie, false).then(
      (user) => ({ user }),
      (err: unknown) => ({ err }),
    );
    expect(outcome).not.toHaveProperty('user');
    // What lib/http's wrappers answer with it: a 500 "try again", not a 401 "sign in".
    expect(toErrorBody((outcome as { err: unknown }).err)).toEqual({ code: 'internal', message: 'Something went wrong on our side. Please try again.' });
  } finally {
    logged.mockRestore();
    await down.close();
  }
  // Signed-out callers never reach the database, so an outage cannot turn them into errors either.
  expect(await checkedSessionUser(down.reads, null, false)).toBeNull();
});
