import type { Db, Tx } from '@/db/client';
import { translateConstraint } from '@/lib/errors';
import { deliverMail } from '@/lib/mail/send-mail';
import { CHAT_CONFLICTS } from './chat-rules';

/**
 * Runs one chat change as a transaction: a lost race surfaces as its domain error (slot_taken,
 * time_clash, already_requested), and mails stored inside go out only after the commit.
 */
export async function inChatTx<T>(db: Db, fn: (tx: Tx, mails: string[]) => Promise<T>): Promise<T> {
  const mails: string[] = [];
  const result = await db.transaction((tx) => fn(tx, mails)).catch((err: unknown) => translateConstraint(err, CHAT_CONFLICTS));
  await deliverMail(db, mails);
  return result;
}
