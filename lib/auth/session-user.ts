import 'server-only';
import { sessionCodec } from './session-codec';
import { sessionCookieName, sessionCookieValue, type TSessionRequest } from './session-cookie';
import type { TSessionClaims } from './sessions';

async function claimsOf(token: string, secret: string | string[], salt: string): Promise<TSessionClaims | null> {
  try {
    // Remembered per cookie until it expires (lib/auth/jwt-cache.ts), shared with Auth.js's own reads.
    return (await sessionCodec.decode({ token, secret, salt })) as TSessionClaims | null;
  } catch {
    // Not ours, tampered with, or expired: signed out (Auth.js treats it the same).
    return null;
  }
}

/**
 * What a request's session cookie says, as Auth.js reads it (its name, its chunks, decrypted with
 * the secret); null when there is none, or it is not ours, tampered with or expired. Only the
 * cookie: whether its session still stands is the database's answer (sessions.ts).
 */
export async function sessionClaims(request: TSessionRequest, secret: string | string[]): Promise<TSessionClaims | null> {
  const name = sessionCookieName(request.forwardedProto);
  const token = sessionCookieValue(request.cookie, name);
  if (!token) return null;
  return claimsOf(token, secret, name);
}
