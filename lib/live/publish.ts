import 'server-only';
import { sql } from 'drizzle-orm';
import { preparedStatement, type DbOrTx } from '@/db/client';
import { LIVE_CHANNEL, type THint, type TTopic } from './topics';

// One statement text for any number of hints (a JSON array of payloads), so it stays prepared.
const notifyAll = preparedStatement(
  'live_publish_hints',
  sql`select pg_notify(${LIVE_CHANNEL}, payload) from jsonb_array_elements_text(${sql.placeholder('payloads')}::jsonb) as payload`,
);

/**
 * Queues a hint inside the caller's transaction: PostgreSQL delivers NOTIFY only on commit,
 * so a rolled-back write never tells anyone. Hints carry ids only — browsers refetch data
 * through routes that check who may see it.
 */
export async function publishHint(tx: DbOrTx, topic: TTopic, ids?: THint['ids']): Promise<void> {
  await publishHints(tx, [ids ? { topic, ids } : { topic }]);
}

/** Several hints in one round trip (a write that touches many topics). */
export async function publishHints(tx: DbOrTx, hints: THint[]): Promise<void> {
  if (hints.length === 0) return;
  await notifyAll(tx, { payloads: JSON.stringify(hints.map((h) => JSON.stringify(h))) });
}
