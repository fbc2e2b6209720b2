import { randomBytes } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import type { DbOrTx } from '@/db/client';
import { openSession } from '@/lib/auth/sessions';

// The cookie Auth.js reads over plain http; its name is also the salt of the session JWE.
export const SESSION_COOKIE = 'authjs.session-token';

/** A fresh AUTH_SECRET for the server under test, so the bench can sign its cookies. */
export const newAuthSecret = () => randomBytes(33).toString('base64');

export type TPerson = { id: string; name: string | null; email: string | null };

/**
 * A signed-in session for each person, as a Cookie header value: a session row
 * (lib/auth/sessions — the cookie alone does not sign in) and the JWE that names it, signed
 * with the server's AUTH_SECRET like an e-mail sign-in. Several at once, bounded.
 */
export async function mintSessionCookies(db: DbOrTx, secret: string, people: TPerson[]): Promise<string[]> {
  const cookies = new Array<string>(people.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < people.length; i = next++) {
      const p = people[i]!;
      const sid = await openSession(db, p.id);
      const token = await encode({ token: { sub: p.id, name: p.name, email: p.email, sid, via: 'email' }, secret, salt: SESSION_COOKIE });
      cookies[i] = `${SESSION_COOKIE}=${token}`;
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, people.length) }, worker));
  return cookies;
}
