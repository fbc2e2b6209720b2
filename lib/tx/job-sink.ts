import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { executeRows, type Db, type Tx } from '@/db/client';

/**
 * Which pg-boss takes the jobs written by transactions on a database. The process's jobs
 * (lib/jobs/start-jobs) attach theirs at boot; a test attaches its own. Without one (scripts,
 * tests that do not run jobs) a transaction writes no jobs: mails stay `stored` in the outbox
 * and the mail sweep sends them once jobs run.
 */
// On globalThis, like the database itself (db/client.ts): Next.js bundles the boot code that
// attaches the jobs and the routes and actions that write them separately, each with its own copy
// of this module — a module-level map would leave every route without jobs.
declare global {
  var __fairgroundJobSinks: WeakMap<Db, PgBoss> | undefined;
}
const sinks = (globalThis.__fairgroundJobSinks ??= new WeakMap<Db, PgBoss>());

export function attachJobs(db: Db, boss: PgBoss): void {
  sinks.set(db, boss);
}

export function detachJobs(db: Db): void {
  sinks.delete(db);
}

export function jobsOf(db: Db): PgBoss | undefined {
  return sinks.get(db);
}

/** A parameter as pg-boss hands it to node-postgres: objects travel as JSON, undefined as NULL. */
function param(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** pg-boss's SQL ($1, $2 … placeholders) as a Drizzle query with those values bound. */
export function boundSql(text: string, values: unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) chunks.push(sql.raw(parts[i]!));
    else chunks.push(sql`${param(values[Number(parts[i]) - 1])}`);
  }
  return sql.join(chunks);
}

/** pg-boss's `db` option over a Drizzle transaction: its writes commit or roll back with ours. */
export function txExecutor(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text, values) {
      return { rows: await executeRows(tx, boundSql(text, values)) };
    },
  };
}
