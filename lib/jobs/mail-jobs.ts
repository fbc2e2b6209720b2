import 'server-only';
import type PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import { deliverStoredMail, mailsToRetry, MAIL_DELIVER, MAIL_SWEEP, type TMailJob, type TSmtpTimeouts } from '@/lib/mail/deliver-mail';

export async function createMailQueues(boss: PgBoss): Promise<void> {
  // 'short': at most one waiting delivery per mail. Retries back off from 30 s (about 30 s,
  // 1 min, 2 min, 4 min, 8 min); after that the sweep tries again for a day.
  await boss.createQueue(MAIL_DELIVER, { name: MAIL_DELIVER, policy: 'short', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 180 });
  await boss.createQueue(MAIL_SWEEP, { name: MAIL_SWEEP, policy: 'singleton', retryLimit: 0, expireInSeconds: 120 });
}

/** Queues a delivery for every unsent mail of the last day (see mailsToRetry). */
export async function sweepMail(boss: PgBoss, db: Db, now = new Date()): Promise<number> {
  const ids = await mailsToRetry(db, now);
  if (ids.length) await boss.insert(ids.map((mailId) => ({ name: MAIL_DELIVER, data: { mailId } satisfies TMailJob, singletonKey: mailId })));
  return ids.length;
}

export async function registerMailWorkers(
  boss: PgBoss,
  db: Db,
  options: { pollingIntervalSeconds?: number; smtpUrl?: string; timeouts?: TSmtpTimeouts } = {},
): Promise<void> {
  await createMailQueues(boss);
  const work = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work<TMailJob>(MAIL_DELIVER, work, async ([job]) => deliverStoredMail(db, job!.data.mailId, options));
  await boss.work(MAIL_SWEEP, work, async () => ({ queued: await sweepMail(boss, db) }));
  await boss.schedule(MAIL_SWEEP, '*/5 * * * *');
}
