// The session cookie's cryptography remembered (lib/auth/jwt-cache.ts). Auth.js's own codec is
// ESM that jest cannot load here, so the memory wraps a small real codec with the same contract:
// authenticated encryption keyed by secret and salt, `exp` refused once past (15 s tolerance).
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import type { JWT, JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';
import { rememberingCodec } from '@/lib/auth/jwt-cache';

const key = (secret: string | string[], salt: string) => createHash('sha256').update(`${String(secret)}|${salt}`).digest();

function codec() {
  const calls = { encode: 0, decode: 0 };
  return {
    calls,
    async encode({ secret, salt, token = {}, maxAge = 30 * 86400 }: JWTEncodeParams): Promise<string> {
      calls.encode++;
      const now = Math.floor(Date.now() / 1000);
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key(secret, salt), iv);
      const body = Buffer.concat([c.update(JSON.stringify({ ...token, iat: now, exp: now + maxAge, jti: randomUUID() })), c.final()]);
      return [iv, body, c.getAuthTag()].map((b) => b.toString('base64url')).join('.');
    },
    async decode({ secret, salt, token }: JWTDecodeParams): Promise<JWT | null> {
      calls.decode++;
      if (!token) return null;
      const [iv, body, tag] = token.split('.').map((p) => Buffer.from(p, 'base64url'));
      const d = createDecipheriv('aes-256-gcm', key(secret, salt), iv!);
      d.setAuthTag(tag!);
      const claims = JSON.parse(Buffer.concat([d.update(body!), d.final()]).toString()) as JWT;
      if ((claims.exp as number) * 1000 + 15_000 < Date.now()) throw new Error('"exp" claim timestamp check failed');
      return claims;
    },
  };
}

const secret = 'a-test-secret-of-at-least-thirty-two-characters';
const salt = 'authjs.session-token';

afterEach(() => jest.restoreAllMocks());

test('a cookie is decrypted once, then answered from memory with a copy of the same claims', async () => {
  const real = codec();
  const c = rememberingCodec(real);
  const token = await real.encode({ secret, salt, token: { sub: 'u-1', sid: 's-1', via: 'email' } });
  const first = await c.decode({ secret, salt, token });
  expect(first).toEqual(await real.decode({ secret, salt, token }));
  real.calls.decode = 0;
  first!.sub = 'someone-else';
  expect((await c.decode({ secret, salt, token }))!.sub).toBe('u-1');
  expect(real.calls.decode).toBe(0);
  // Another salt (the secure cookie's name) or secret is another key: refused as by the codec itself.
  await expect(c.decode({ secret, salt: `__Secure-${salt}`, token })).rejects.toThrow();
  await expect(c.decode({ secret: 'another-secret-of-at-least-thirty-two-chars', salt, token })).rejects.toThrow();
});

test('a remembered cookie is refused once it has expired', async () => {
  const real = codec();
  const c = rememberingCodec(real);
  const token = await real.encode({ secret, salt, maxAge: 60, token: { sub: 'u-2', sid: 's-2' } });
  expect((await c.decode({ secret, salt, token }))!.sub).toBe('u-2');
  jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 120_000);
  await expect(c.decode({ secret, salt, token })).rejects.toThrow('exp');
});

test('the same claims within a minute get the same new cookie; other claims, or a minute later, a new one', async () => {
  const real = codec();
  const c = rememberingCodec(real);
  const claims = { sub: 'u-3', sid: 's-3', via: 'email' };
  const a = await c.encode({ secret, salt, token: { ...claims, iat: 1, exp: 2, jti: 'x' } });
  const b = await c.encode({ secret, salt, token: { via: 'email', sid: 's-3', sub: 'u-3', iat: 5, exp: 6, jti: 'y' } });
  expect(b).toBe(a);
  expect(real.calls.encode).toBe(1);
  expect(await real.decode({ secret, salt, token: a })).toMatchObject(claims);
  const other = await c.encode({ secret, salt, token: { ...claims, sid: 's-4' } });
  expect(other).not.toBe(a);
  expect((await real.decode({ secret, salt, token: other }))!.sid).toBe('s-4');
  expect(await c.encode({ secret, salt: `__Secure-${salt}`, token: claims })).not.toBe(a);
  jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 61_000);
  expect(await c.encode({ secret, salt, token: claims })).not.toBe(a);
});
