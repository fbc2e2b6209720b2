import 'server-only';
import type PgBoss from 'pg-boss';
import type { Db, Tx } from '@/db/client';
import { appErrorOf, isRetryable } from '@/lib/errors';
import { jobsOf, txExecutor } from './job-sink';

export type TJobOptions = Pick<PgBoss.JobInsert, 'id' | 'singletonKey' | 'startAfter' | 'retryLimit' | 'retryDelay' | 'retryBackoff' | 'expireInSeconds'>;

/** What a use-case may queue besides its writes. */
export type TWork = {
  /**
   * A pg-boss job written in this transaction: it exists exactly when the writes commit, is
   * retried with backoff, and survives a crash right after the commit. For anything that must
   * not be lost: mail, reminders, LiveKit permission changes, closing rooms.
   */
  enqueue(queue: string, data: object, options?: TJobOptions): void;
  /** Runs after the commit, best effort (an error is logged): only what may be lost. */
  afterCommit(fn: () => unknown): void;
};

const ATTEMPTS = 3;

/**
 * The unit of work of a use-case: runs `fn`'s writes in one transaction, writes the jobs it
 * enqueued in that same transaction (one statement for all), runs its after-commit work, and
 * turns a database error into the domain error of lib/errors' registry (a lost race becomes
 * `slot_taken`, `time_clash`, …). A serialization failure or deadlock runs `fn` again (up to
 * three times), so `fn` must do nothing outside `tx` but through `work`.
 */
export async function inTx<T>(db: Db, fn: (tx: Tx, work: TWork) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const jobs: PgBoss.JobInsert[] = [];
    const after: (() => unknown)[] = [];
    const work: TWork = {
      enqueue: (name, data, options) => void jobs.push({ ...options, name, data }),
      afterCommit: (f) => void after.push(f),
    };
    let result: T;
    try {
      result = await db.transaction(async (tx) => {
        const value = await fn(tx, work);
        await writeJobs(db, tx, jobs);
        return value;
      });
    } catch (err) {
      if (attempt < ATTEMPTS && isRetryable(err)) {
        // A little jitter, so that the transactions that collided do not collide again.
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
        continue;
      }
      throw appErrorOf(err) ?? err;
    }
    for (const f of after) {
      try {
        await f();
      } catch (err) {
        console.error('[fairground] after-commit work failed:', err);
      }
    }
    return result;
  }
}

async function writeJobs(db: Db, tx: Tx, jobs: PgBoss.JobInsert[]): Promise<void> {
  if (jobs.length === 0) return;
  const boss = jobsOf(db);
  if (!boss) return;
  await boss.insert(
    jobs.map((j) => (j.startAfter instanceof Date ? { ...j, startAfter: j.startAfter.toISOString() } : j)),
    { db: txExecutor(tx) },
  );
}
