import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { PgDialect, PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { parseDatabaseEnv } from './database-env';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

const dialect = new PgDialect();

/**
 * A hot statement, built once, that runs on any db or transaction without being built again.
 * Inside a transaction it runs prepared. Why: drizzle hands its queries to postgres.js
 * unprepared, and postgres.js describes an unprepared statement with parameters before binding
 * it — two round trips, and the describe holds back everything queued behind it. A prepared
 * statement costs one round trip once the connection has seen it, and several issued without
 * awaiting go out together (postgres.js pipelines them).
 * Outside a transaction it stays unprepared on purpose: a pool connection that pipelines
 * queries may get a transaction's BEGIN queued behind them, and postgres.js 3.4.9 can then send
 * BEGIN without reserving the connection, so unrelated queries run inside that transaction
 * (porsager/postgres#1189, #823). Unpipelined pool queries never leave a connection busy.
 * Parameters are `sql.placeholder('name')`; rows come back as plain objects keyed by the SQL's
 * column names, values as the driver gives them (timestamps stay strings): return ids and text.
 */
/** Rows of a raw `db.execute(sql…)`: postgres.js returns them as the result, PGlite inside { rows }. */
export async function executeRows<TRow>(db: DbOrTx, query: SQL): Promise<TRow[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: TRow[] }).rows) as TRow[];
}

export function preparedStatement<TRow = Record<string, unknown>>(name: string, query: SQL) {
  const built = dialect.sqlToQuery(query);
  return async (db: DbOrTx, params: Record<string, unknown>): Promise<TRow[]> => {
    const prepared = db._.session.prepareQuery(built, undefined, db instanceof PgTransaction ? name : undefined, false);
    const result = await prepared.execute(params);
    // postgres.js returns the rows themselves; PGlite wraps them in { rows }.
    return (Array.isArray(result) ? result : (result as { rows: TRow[] }).rows) as TRow[];
  };
}

export type Listener = (payload: string) => void;

export type DatabaseHandle = {
  db: Db;
  /**
   * For reads outside transactions (pages): every statement prepared, on a pool of its own that
   * refuses transactions (see openPostgres). On PGlite the same as `db`.
   */
  reads: Db;
  kind: 'postgres' | 'pglite';
  /** The raw embedded client (PGlite only): pg-boss talks to it through its `db` option. */
  pglite?: PGlite;
  /**
   * Subscribes to a NOTIFY channel on one dedicated connection; resolves to an unsubscribe.
   * `onRelisten` runs each time the connection was lost and LISTEN is back: NOTIFYs sent in
   * between are gone, so whoever relies on them must catch up (see lib/live/hub).
   */
  listen(channel: string, onPayload: Listener, onRelisten?: () => void): Promise<() => Promise<void>>;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

// Any fixed 64-bit number shared by every instance: serializes migrations across a fleet.
const MIGRATION_LOCK = 7_262_000_001;

/**
 * The read pool's client: postgres.js with every statement prepared, and no transactions.
 * Why a pool of its own: a prepared statement costs one round trip instead of two (no describe
 * before the bind) and lets a connection pipeline the next ones, so a page's reads go out
 * together — but on a pool that also runs transactions, pipelining is what exposes the BEGIN
 * bug above (porsager/postgres#1189). Here no BEGIN is ever sent, so nothing can run inside one.
 * Drizzle sends its queries through `unsafe(query, params, { prepare: false })`; this client
 * turns prepare on there (tests/integration/read-pool.test.ts fails if drizzle stops going
 * through it). Each connection keeps its statements until it is recycled (postgres.js
 * max_lifetime, 30–60 min), so the cache stays bounded by the queries the pages have.
 */
function preparedReadsClient(sql: postgres.Sql): postgres.Sql {
  const refuse = async () => {
    throw new Error('The read pool runs no transactions: use database().db for writes and transactions.');
  };
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') return (query: string, params?: unknown[], options?: Record<string, unknown>) => target.unsafe(query, (params ?? []) as never[], { ...options, prepare: true });
      if (prop === 'begin' || prop === 'reserve') return refuse;
      return Reflect.get(target, prop, receiver);
    },
  });
}

/**
 * The main pool's client: outside a transaction nothing is prepared, whatever drizzle asks —
 * drizzle's `.prepare()` (db/hot-read.ts) turns postgres.js's prepare on, and a connection that
 * has prepared pipelines what comes next, which is how a transaction's BEGIN got queued behind a
 * hundred reads and ran unreserved: the booking failed, the connection went back to the pool
 * "idle in transaction" and other requests' writes ran inside it and were lost
 * (porsager/postgres#1189; tests/integration/read-pool.test.ts). A transaction's own client comes
 * from `begin`, untouched: inside it statements stay prepared (preparedStatement, hot reads).
 */
function unpreparedPoolClient(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') return (query: string, params?: unknown[], options?: Record<string, unknown>) => target.unsafe(query, (params ?? []) as never[], { ...options, prepare: false });
      return Reflect.get(target, prop, receiver);
    },
  });
}

export function openPostgres(url: string, migrationsFolder: string, max = 10, readsMax = max): DatabaseHandle {
  const sql = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres(unpreparedPoolClient(sql), { schema }) as unknown as Db;
  // postgres.js connects on first use: tests and scripts that never read through it hold no extra connections.
  const readSql = postgres(url, { max: readsMax, onnotice: () => {} });
  return {
    db,
    reads: drizzlePostgres(preparedReadsClient(readSql), { schema }) as unknown as Db,
    kind: 'postgres',
    async listen(channel, onPayload, onRelisten) {
      // postgres.js re-issues LISTEN after its connection closed and calls this again.
      let first = true;
      const sub = await sql.listen(channel, onPayload, () => {
        if (first) first = false;
        else onRelisten?.();
      });
      return () => sub.unlisten();
    },
    async migrate() {
      const one = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await one`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres(one), { migrationsFolder });
        await one`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      } finally {
        await one.end();
      }
    },
    close: async () => {
      await Promise.all([sql.end({ timeout: 5 }), readSql.end({ timeout: 5 })]);
    },
  };
}

export function openPglite(dataDir: string | undefined, migrationsFolder: string): DatabaseHandle {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({ dataDir, extensions: { btree_gist } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    reads: db,
    kind: 'pglite',
    pglite: client,
    async listen(channel, onPayload) {
      return client.listen(channel, onPayload);
    },
    async migrate() {
      await migratePglite(drizzlePglite(client), { migrationsFolder });
    },
    close: () => client.close(),
  };
}

declare global {
  var __fairgroundDatabase: DatabaseHandle | undefined;
}

/** The process-wide database. Kept on globalThis because Next.js bundles routes and
 * instrumentation separately: a module-level singleton would open PGlite twice. */
export function database(): DatabaseHandle {
  if (!globalThis.__fairgroundDatabase) {
    const e = parseDatabaseEnv(process.env);
    const migrations = path.resolve(e.migrationsDir);
    globalThis.__fairgroundDatabase = e.databaseUrl
      ? openPostgres(e.databaseUrl, migrations)
      : openPglite(path.resolve(e.pgliteDir), migrations);
  }
  return globalThis.__fairgroundDatabase;
}

export function getDb(): Db {
  return database().db;
}

/** The process-wide database for reads outside transactions: prepared statements (DatabaseHandle.reads). */
export function getReadDb(): Db {
  return database().reads;
}
