import 'server-only';
import type { Db, Tx } from '@/db/client';
import { inTx, type TWork } from '@/lib/tx/in-tx';

/**
 * Runs one desk change as a unit of work (inTx): a constraint the change ran into (a
 * moderator's limit, a second visit, a removed moderator) surfaces as its error from the one
 * registry (lib/errors/constraints.ts).
 */
export function inDeskTx<T>(db: Db, fn: (tx: Tx, work: TWork) => Promise<T>): Promise<T> {
  return inTx(db, fn);
}
