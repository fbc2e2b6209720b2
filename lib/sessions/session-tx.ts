import type { Db, Tx } from '@/db/client';
import { AppError, translateConstraint } from '@/lib/errors';
import { deliverMail } from '@/lib/mail/send-mail';

// What the database says when a racer lost, as the error the person sees.
const CONFLICTS: Record<string, AppError> = {
  event_sessions_stage_within_limit: new AppError('not_allowed_now', 'The stage is full. Move someone back to the audience before accepting another request.'),
  event_sessions_seats_within_capacity: new AppError('not_allowed_now', 'More people hold seats than that capacity allows. Choose a larger capacity.'),
  session_registrations_session_user_unique: new AppError('conflict', 'You are already signed up for this session.'),
  stage_requests_open_unique: new AppError('conflict', 'You already asked to come on screen — wait for the host, or withdraw first.'),
};

/**
 * Runs one session change as a transaction: a lost race surfaces as its domain error, and mails
 * stored inside go out only after the commit.
 */
export async function inSessionTx<T>(db: Db, fn: (tx: Tx, mails: string[]) => Promise<T>): Promise<T> {
  const mails: string[] = [];
  const result = await db.transaction((tx) => fn(tx, mails)).catch((err: unknown) => translateConstraint(err, CONFLICTS));
  await deliverMail(db, mails);
  return result;
}
