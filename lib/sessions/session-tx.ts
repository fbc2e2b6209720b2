import 'server-only';
import type { Db, Tx } from '@/db/client';
import { deliverLater } from '@/lib/mail/deliver-mail';
import { inTx, type TWork } from '@/lib/tx/in-tx';

/**
 * Runs one session change as a unit of work (inTx): a lost race surfaces as its error from the
 * one registry (lib/errors/constraints.ts), and mails stored inside are delivered by jobs
 * written in the same transaction.
 */
export function inSessionTx<T>(db: Db, fn: (tx: Tx, mails: string[], work: TWork) => Promise<T>): Promise<T> {
  return inTx(db, async (tx, work) => {
    const mails: string[] = [];
    const result = await fn(tx, mails, work);
    deliverLater(work, mails);
    return result;
  });
}
