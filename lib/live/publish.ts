import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { LIVE_CHANNEL, type THint, type TTopic } from './topics';

/**
 * Queues a hint inside the caller's transaction: PostgreSQL delivers NOTIFY only on commit,
 * so a rolled-back write never tells anyone. Hints carry ids only — browsers refetch data
 * through routes that check who may see it.
 */
export async function publishHint(tx: DbOrTx, topic: TTopic, ids?: THint['ids']): Promise<void> {
  const hint: THint = ids ? { topic, ids } : { topic };
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(hint)})`);
}

/** Several hints in one round trip (a write that touches many topics). */
export async function publishHints(tx: DbOrTx, hints: THint[]): Promise<void> {
  if (hints.length === 0) return;
  const calls = hints.map((h) => sql`pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(h)})`);
  await tx.execute(sql`select ${sql.join(calls, sql`, `)}`);
}
