import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { assertLocalDatabase } from '../../tests/helpers/test-db';

/** The admin URL of the local PostgreSQL the benchmarks create their databases in. */
export const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TBenchDatabase = { name: string; url: string; drop(): Promise<void> };

async function admin(statement: string): Promise<void> {
  const sql = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/**
 * A new, empty database on the local PostgreSQL (never a remote one), named `<prefix>_<random>`;
 * `drop()` removes it even while connections are open. Migrate it with openPostgres(url).migrate().
 */
export async function freshDatabase(prefix: string): Promise<TBenchDatabase> {
  assertLocalDatabase(ADMIN_URL);
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  return { name, url, drop: () => admin(`drop database if exists ${name} with (force)`) };
}
