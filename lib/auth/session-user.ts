import 'server-only';
import { decode } from 'next-auth/jwt';
import type { DbOrTx } from '@/db/client';
import { sessionCookieName, sessionCookieValue, type TSessionRequest } from './session-cookie';
import { sessionUserRow, type TSessionClaims } from './sessions';

type TCached = { claims: TSessionClaims; until: number };

// Decrypted cookies by their exact value (the whole JWE: nobody can make a key without the
// secret), each only until its own expiry. Decrypting is an HKDF and an AES-CBC/HMAC per request
// otherwise. Only the signature check is cached: whether the session stands is asked of the
// database on every request (sessionUserRow), so signing out still ends it at once.
const decoded = new Map<string, TCached>();
const MAX_DECODED = 2_000;

async function claimsOf(token: string, secret: string | string[], salt: string, now: number): Promise<TSessionClaims | null> {
  const key = `${salt}\u0000${token}`;
  const hit = decoded.get(key);
  if (hit && hit.until > now) return hit.claims;
  if (hit) decoded.delete(key);
  let claims: TSessionClaims | null;
  try {
    claims = (await decode({ token, secret, salt })) as TSessionClaims | null;
  } catch {
    // Not ours, tampered with, or expired: signed out (Auth.js treats it the same).
    return null;
  }
  if (!claims) return null;
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : 0;
  if (exp > now) {
    if (decoded.size >= MAX_DECODED) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, { claims, until: exp });
  }
  return claims;
}

/**
 * The signed-in user of a request, as Auth.js's `auth()` with our jwt callback answers it, in
 * one statement: the cookie decrypts with the secret, and its session row stands (sessionUserRow,
 * the same rule as the jwt callback's isSessionActive) — then that session's user. Null when
 * signed out. For pages, which cannot set cookies: Auth.js's own `auth()` there re-encrypts a
 * cookie it then cannot send.
 */
export async function sessionUser(db: DbOrTx, request: TSessionRequest, o: { secret: string | string[]; demoLogin: boolean; now?: Date }) {
  const name = sessionCookieName(request.forwardedProto);
  const token = sessionCookieValue(request.cookie, name);
  if (!token) return null;
  const now = o.now ?? new Date();
  const claims = await claimsOf(token, o.secret, name, now.getTime());
  if (!claims) return null;
  return sessionUserRow(db, claims, o.demoLogin, now);
}
