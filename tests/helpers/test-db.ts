import path from 'node:path';
import postgres from 'postgres';
import { openPglite, openPostgres, type DatabaseHandle } from '@/db/client';

const MIGRATIONS = path.resolve('db/migrations');

/** Test helpers must never touch a database that is not on this machine. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]', ''].includes(host)) {
    throw new Error(`Refusing to run tests against non-local database host "${host}"`);
  }
}

export type TestDatabase = DatabaseHandle & { url?: string; drop(): Promise<void> };

/** A fresh, migrated database for one test file: a new PostgreSQL database when
 * TEST_DATABASE_URL is set, otherwise an in-memory PGlite. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    const handle = openPglite(undefined, MIGRATIONS);
    await handle.migrate();
    return { ...handle, drop: () => handle.close() };
  }
  assertLocalDatabase(base);
  const name = `fg_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), MIGRATIONS, 20);
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export const isPostgres = () => !!process.env.TEST_DATABASE_URL;
