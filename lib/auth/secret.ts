import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';

/**
 * AUTH_SECRET signs sessions. On the embedded database a newcomer should not have to make one,
 * so we create it once in the data folder. With a shared PostgreSQL every instance must agree,
 * so there it has to be configured.
 */
export function authSecret(): string {
  const e = env();
  if (e.authSecret) return e.authSecret;
  if (!e.isEmbedded) {
    throw new Error('AUTH_SECRET is required when DATABASE_URL is set (e.g. `openssl rand -base64 33`).');
  }
  const file = path.resolve(e.dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(33).toString('base64');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
