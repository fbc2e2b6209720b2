import 'server-only';
import type { JWT, JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';

/**
 * The session cookie's encryption, with small bounded memories in front of it. Auth.js decrypts
 * the cookie and encrypts a fresh one on EVERY session read (auth()): a key derivation, a
 * thumbprint and the cipher each way, about a tenth of a busy server's CPU. Neither memory
 * decides who is signed in: the jwt callback still checks the session's row on every request
 * (lib/auth/sessions.ts), so signing out ends a session at once; they only skip repeating the
 * same cryptography.
 * - decode: a cookie decrypts to the same claims every time; remembered while they have not
 *   expired (jose's 15 s clock tolerance included).
 * - encode: the same claims within a minute get the same new cookie, which then expires up to
 *   a minute earlier than a freshly made one (of its 30 days). Reads from pages, route handlers
 *   and server actions throw the new cookie away anyway; only Auth.js's own session route sends it.
 */
const MAX_ENTRIES = 10_000;
const ENCODED_FOR_MS = 60_000;
const CLOCK_TOLERANCE_MS = 15_000;

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  // Oldest first out: a Map iterates in insertion order.
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/** The secret(s) and salt a token was made with, as part of a memory's key. */
function keyOf(params: { secret: JWTDecodeParams['secret']; salt: string }): string {
  return `${JSON.stringify(params.secret)}\u0000${params.salt}\u0000`;
}

export type TJwtCodec = {
  encode(params: JWTEncodeParams): Promise<string>;
  decode(params: JWTDecodeParams): Promise<JWT | null>;
};

/** Auth.js's encode and decode (next-auth/jwt), each behind its memory; one pair per process. */
export function rememberingCodec({ encode, decode }: TJwtCodec): TJwtCodec {
  const decoded = new Map<string, { claims: JWT; until: number }>();
  const encoded = new Map<string, { token: string; until: number }>();
  return {
    async decode(params) {
      if (!params.token) return decode(params);
      const key = keyOf(params) + params.token;
      const hit = decoded.get(key);
      if (hit && Date.now() < hit.until) return { ...hit.claims };
      decoded.delete(key);
      const claims = await decode(params);
      // Only a cookie that names when it expires is remembered (Auth.js's always do).
      if (claims && typeof claims.exp === 'number') remember(decoded, key, { claims: { ...claims }, until: claims.exp * 1000 + CLOCK_TOLERANCE_MS });
      return claims;
    },
    async encode(params) {
      // What the new cookie says, apart from the times and id that encode sets itself.
      const { iat: _iat, exp: _exp, jti: _jti, ...claims } = params.token ?? {};
      const key = `${keyOf(params)}${params.maxAge ?? ''}\u0000${JSON.stringify(Object.entries(claims).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
      const hit = encoded.get(key);
      if (hit && Date.now() < hit.until) return hit.token;
      encoded.delete(key);
      const token = await encode(params);
      remember(encoded, key, { token, until: Date.now() + ENCODED_FOR_MS });
      return token;
    },
  };
}
