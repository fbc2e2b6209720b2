import { sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { executeRows, openPostgres } from '@/db/client';
import { AppError } from '@/lib/errors';
import { createBoss } from '@/lib/jobs/boss';
import { attachJobs, detachJobs } from '@/lib/tx/job-sink';
import { inTx } from '@/lib/tx/in-tx';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const pgOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;
const QUEUE = 'uow-test';

let t: TestDatabase;
let boss: PgBoss;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.execute(sql`create table uow_probe (id int primary key, note text)`);
  boss = await createBoss(t, t.url);
  await boss.createQueue(QUEUE, { name: QUEUE, policy: 'standard' });
  attachJobs(t.db, boss);
}, 60_000);
afterAll(async () => {
  detachJobs(t.db);
  await boss?.stop({ graceful: false, wait: true });
  await t?.drop();
});

const jobsFor = async (note: string) =>
  (await boss.getDb().executeSql(`select data from pgboss.job where name = $1 and data->>'note' = $2`, [QUEUE, note])).rows;

test('a job enqueued in the transaction is written with it, in the same commit', async () => {
  const done: string[] = [];
  const result = await inTx(t.db, async (tx, work) => {
    await tx.execute(sql`insert into uow_probe values (1, 'committed')`);
    work.enqueue(QUEUE, { note: 'committed' });
    work.afterCommit(() => done.push('after'));
    // Not yet visible outside the transaction (PGlite is one session: it would wait for us).
    if (process.env.TEST_DATABASE_URL) expect(await jobsFor('committed')).toHaveLength(0);
    return 'ok';
  });
  expect(result).toBe('ok');
  expect(await jobsFor('committed')).toHaveLength(1);
  expect(done).toEqual(['after']);
});

test('a rolled-back transaction leaves neither its rows nor its jobs, and runs no after-commit work', async () => {
  const done: string[] = [];
  const err = await inTx(t.db, async (tx, work) => {
    await tx.execute(sql`insert into uow_probe values (2, 'rolled back')`);
    work.enqueue(QUEUE, { note: 'rolled back' });
    work.afterCommit(() => done.push('after'));
    throw new AppError('not_allowed_now', 'No.');
  }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect(await jobsFor('rolled back')).toHaveLength(0);
  expect(await executeRows(t.db, sql`select * from uow_probe where id = 2`)).toHaveLength(0);
  expect(done).toEqual([]);
});

test('a database error leaves inTx as the domain error of the registry', async () => {
  const err = await inTx(t.db, async (tx) => {
    await tx.execute(sql`insert into uow_probe values (3, 'x')`);
    await tx.execute(sql`insert into uow_probe values (3, 'again')`);
  }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('conflict');
});

test('a failing after-commit step is logged, never undoes the commit', async () => {
  const log = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    await inTx(t.db, async (tx, work) => {
      await tx.execute(sql`insert into uow_probe values (4, 'kept')`);
      work.afterCommit(() => {
        throw new Error('LiveKit is down');
      });
    });
    expect(await executeRows(t.db, sql`select * from uow_probe where id = 4`)).toHaveLength(1);
    expect(log).toHaveBeenCalled();
  } finally {
    log.mockRestore();
  }
});

pgOnly('retries on PostgreSQL', () => {
  test('a deadlock is retried: both transactions succeed, each written once', async () => {
    await t.db.execute(sql`insert into uow_probe values (10, 'a'), (11, 'b')`);
    const other = openPostgres(t.url!, 'db/migrations', 2);
    attachJobs(other.db, boss);
    let runs = 0;
    // Each locks one row, waits for the other to lock its row, then wants the other's: a deadlock.
    let arrived = 0;
    const barrier = () =>
      new Promise<void>((resolve) => {
        arrived++;
        const check = () => (arrived >= 2 ? resolve() : setTimeout(check, 5));
        check();
      });
    const cross = (db: typeof t.db, first: number, second: number, note: string) =>
      inTx(db, async (tx, work) => {
        runs++;
        await tx.execute(sql`update uow_probe set note = ${note} where id = ${first}`);
        await barrier();
        await tx.execute(sql`update uow_probe set note = ${note} where id = ${second}`);
        work.enqueue(QUEUE, { note: `deadlock ${note}` });
      });
    try {
      const results = await Promise.allSettled([cross(t.db, 10, 11, 'x'), cross(other.db, 11, 10, 'y')]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      expect(runs).toBe(3);
    } finally {
      await other.close();
    }
    // One job each: the job of the attempt that was rolled back went with it.
    expect(await jobsFor('deadlock x')).toHaveLength(1);
    expect(await jobsFor('deadlock y')).toHaveLength(1);
  });
});
