import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql, type Placeholder } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { hotRead } from '@/db/hot-read';
import { sessions, users } from '@/db/schema';

/** How a session began: the demo sign-in's sessions end when demo mode is turned off. */
export type TSessionVia = 'demo' | 'email' | 'oauth';

/** What the signed session cookie (a JWT) carries besides the user id. */
export type TSessionClaims = { sid?: unknown; via?: unknown; [claim: string]: unknown };

export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/**
 * Records a new session and returns its id, which goes into the signed cookie. The cookie
 * alone is not enough: every request also needs this row (see isSessionActive), so deleting
 * the row ends the session wherever its cookie is.
 */
export async function openSession(db: DbOrTx, userId: string, now = new Date()): Promise<string> {
  const sid = randomBytes(32).toString('base64url');
  // Expired rows of this person go on the way, so the table does not grow forever.
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expires, now)));
  await db.insert(sessions).values({ sessionToken: sid, userId, expires: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) });
  return sid;
}

/** A demo sign-in's session stands only while demo mode is on; a cookie without an id never does. */
function claimedSession(claims: TSessionClaims, demoLogin: boolean): string | null {
  if (typeof claims.sid !== 'string' || claims.sid === '') return null;
  if (claims.via === 'demo' && !demoLogin) return null;
  return claims.sid;
}

/** The session row stands: it exists and has not expired (one rule for both readers below). */
const standing = (sid: string | Placeholder, now: Date | Placeholder) => and(eq(sessions.sessionToken, sid), gt(sessions.expires, now));

/**
 * Whether a signed cookie's session still stands: its row exists and has not expired, and a
 * demo sign-in's session only while demo mode is on. Cookies from before sessions were
 * recorded carry no id and are refused (the person signs in once more).
 */
export async function isSessionActive(db: DbOrTx, claims: TSessionClaims, demoLogin: boolean, now = new Date()): Promise<boolean> {
  const sid = claimedSession(claims, demoLogin);
  if (!sid) return false;
  const [row] = await db.select({ sid: sessions.sessionToken }).from(sessions).where(standing(sid, now));
  return !!row;
}

/**
 * The cookie's claims after the per-request check: the claims when the session stands, null when
 * it has ended. When the database cannot answer (an outage), the claims come back marked
 * `unchecked`: the person is neither let in nor treated as signed out — getCurrentUser fails
 * with "try again", where an outage used to tell signed-in people "Please sign in to continue".
 */
export async function checkedSessionClaims<T extends TSessionClaims>(db: DbOrTx, token: T, demoLogin: boolean): Promise<T | null> {
  // A mark from an earlier failed check is never carried over: each request checks anew.
  const { unchecked: _earlier, ...claims } = token;
  try {
    return (await isSessionActive(db, claims, demoLogin)) ? (claims as T) : null;
  } catch (err) {
    logUnchecked(err);
    return { ...claims, unchecked: true } as unknown as T;
  }
}

function logUnchecked(err: unknown): void {
  console.error('[fairground] could not check a session (database unreachable?)', err);
}

/**
 * isSessionActive and the session's user in one statement: the user row when the session stands
 * and belongs to the cookie's subject, else null (pages read both on every request).
 */
export async function sessionUserRow(db: DbOrTx, claims: TSessionClaims, demoLogin: boolean, now = new Date()): Promise<typeof users.$inferSelect | null> {
  const sid = claimedSession(claims, demoLogin);
  if (!sid || typeof claims.sub !== 'string') return null;
  const [row] = await sessionUserQuery(db, { sid, now: now.toISOString(), sub: claims.sub });
  return row?.user ?? null;
}

const sessionUserQuery = hotRead((db) =>
  db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(standing(sql.placeholder('sid'), sql.placeholder('now')), eq(sessions.userId, sql.placeholder('sub'))))
    .prepare('session_user'),
);

/**
 * sessionUserRow for route handlers and server actions, with the outage rule of
 * checkedSessionClaims: null when signed out or the session has ended; when the database cannot
 * answer, an error that the wrappers show as the generic "Something went wrong on our side.
 * Please try again." — never "Please sign in" (it carries no SQLSTATE, so lib/errors cannot
 * mistake an outage for a person's mistake).
 */
export async function checkedSessionUser(db: DbOrTx, claims: TSessionClaims | null, demoLogin: boolean, now = new Date()): Promise<typeof users.$inferSelect | null> {
  if (!claims) return null;
  try {
    return await sessionUserRow(db, claims, demoLogin, now);
  } catch (err) {
    logUnchecked(err);
    throw new Error('The session could not be checked: the database did not answer.');
  }
}

/** Ends one session (sign-out). */
export async function closeSession(db: DbOrTx, claims: TSessionClaims): Promise<void> {
  if (typeof claims.sid === 'string') await db.delete(sessions).where(eq(sessions.sessionToken, claims.sid));
}

export function sessionVia(provider: string | undefined): TSessionVia {
  if (provider === 'demo') return 'demo';
  if (provider === 'email') return 'email';
  return 'oauth';
}
