import 'server-only';
import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import { database, type DatabaseHandle } from '@/db/client';
import { env } from '@/lib/env';

/** pg-boss keeps its tables in their own schema, apart from the Drizzle migrations. */
export const BOSS_SCHEMA = 'pgboss';

/**
 * pg-boss's `db` option over PGlite. SQL without parameters may hold several statements
 * (pg-boss installs itself that way), which only `exec` accepts; everything with parameters
 * goes to `query`. PGlite is one session that serializes its callers, so pg-boss shares it
 * safely with the app's transactions.
 */
export function pgliteExecutor(client: PGlite): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (values?.length) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

/** Options for one pg-boss on a database: PGlite through its client, PostgreSQL through a
 * small pool of its own (pg-boss speaks node-postgres, not postgres.js). */
export function bossOptions(handle: DatabaseHandle, connectionString?: string): PgBoss.ConstructorOptions {
  const common = { schema: BOSS_SCHEMA, application_name: 'fairground-jobs' };
  if (handle.kind === 'pglite') {
    if (!handle.pglite) throw new Error('pg-boss on PGlite needs the raw client (DatabaseHandle.pglite)');
    return { ...common, db: pgliteExecutor(handle.pglite) };
  }
  if (!connectionString) throw new Error('pg-boss on PostgreSQL needs a connection string');
  return { ...common, connectionString, max: 4 };
}

/** Creates and starts a pg-boss (installs or migrates its schema; safe on many instances at once). */
export async function createBoss(handle: DatabaseHandle, connectionString?: string): Promise<PgBoss> {
  const boss = new PgBoss(bossOptions(handle, connectionString));
  // Without a listener an 'error' event would crash the process; a failed poll is retried anyway.
  boss.on('error', (err) => console.error('[fairground] jobs:', err));
  await boss.start();
  return boss;
}

declare global {
  var __fairgroundBoss: Promise<PgBoss> | undefined;
  var __fairgroundBossReady: PgBoss | undefined;
}

/** The process-wide pg-boss on the process-wide database, started once (globalThis, like
 * database(): Next.js bundles routes and instrumentation separately). A failed start is
 * forgotten so that a later call tries again. */
export function startBoss(): Promise<PgBoss> {
  globalThis.__fairgroundBoss ??= createBoss(database(), env().databaseUrl).then(
    (boss) => (globalThis.__fairgroundBossReady = boss),
    (err: unknown) => {
      globalThis.__fairgroundBoss = undefined;
      throw err;
    },
  );
  return globalThis.__fairgroundBoss;
}

/** The started pg-boss, or undefined when jobs are not running in this process (not booted yet,
 * or pg-boss failed to start). Use-cases call this after commit to schedule follow-up jobs. */
export function runningBoss(): PgBoss | undefined {
  return globalThis.__fairgroundBossReady;
}

/** Stops the process-wide pg-boss: no new jobs are fetched, running ones get up to 10 s. Call
 * before closing the database (on PGlite pg-boss uses the same client). */
export async function stopBoss(): Promise<void> {
  const boss = globalThis.__fairgroundBossReady;
  globalThis.__fairgroundBoss = undefined;
  globalThis.__fairgroundBossReady = undefined;
  if (boss) await boss.stop({ graceful: true, timeout: 10_000, wait: true });
}
