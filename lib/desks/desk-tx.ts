import type { Db, Tx } from '@/db/client';
import { pgError } from '@/lib/errors';
import { DESK_CONFLICTS } from './errors';

/**
 * Runs one desk change as a transaction; a constraint the change ran into (a moderator's limit,
 * a second visit, a removed moderator) surfaces as the desk's own error.
 */
export async function inDeskTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(fn);
  } catch (err) {
    const pg = pgError(err);
    const name = pg?.constraint_name ?? pg?.constraint;
    if (pg && ['23505', '23514', '23503'].includes(pg.code ?? '') && name && DESK_CONFLICTS[name]) throw DESK_CONFLICTS[name];
    throw err;
  }
}
