import 'server-only';
import { and, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '@/db/client';
import { outbox } from '@/db/schema';
import { env } from '@/lib/env';
import type { TWork } from '@/lib/tx/in-tx';

export const MAIL_DELIVER = 'mail-deliver';
export const MAIL_SWEEP = 'mail-sweep';
export type TMailJob = { mailId: string };

/** SMTP waits, in ms. Nodemailer's defaults (two minutes to connect, ten idle) would keep a
 * job — and with it a mail — hanging on a server that accepted the connection and went quiet. */
export type TSmtpTimeouts = { connect: number; greeting: number; socket: number };
export const SMTP_TIMEOUTS: TSmtpTimeouts = { connect: 10_000, greeting: 10_000, socket: 30_000 };

// A claimed mail is left alone by other workers this long; a crashed sender's claim runs out.
const CLAIM_SECONDS = 120;

/**
 * Sends stored mails after the transaction that stored them commits: one job per mail,
 * written in that transaction (see inTx). Nothing to do without SMTP_URL — the outbox is then
 * the only place mails go.
 */
export function deliverLater(work: TWork, mailIds: string[]): void {
  if (!env().smtpUrl) return;
  for (const mailId of mailIds) work.enqueue(MAIL_DELIVER, { mailId } satisfies TMailJob, { singletonKey: mailId });
}

/**
 * The SMTP URL with our timeouts, unless the operator set their own in its query
 * (`?greetingTimeout=…`). Nodemailer takes them from the URL: options passed beside a `url`
 * are overridden by its defaults.
 */
export function smtpUrlWithTimeouts(url: string, timeouts: TSmtpTimeouts): string {
  const u = new URL(url);
  const set = (key: string, ms: number) => u.searchParams.has(key) || u.searchParams.set(key, String(ms));
  set('connectionTimeout', timeouts.connect);
  set('greetingTimeout', timeouts.greeting);
  set('socketTimeout', timeouts.socket);
  return u.toString();
}

const transports = new Map<string, nodemailer.Transporter>();
function transportFor(url: string, timeouts: TSmtpTimeouts): nodemailer.Transporter {
  const full = smtpUrlWithTimeouts(url, timeouts);
  let t = transports.get(full);
  if (!t) transports.set(full, (t = nodemailer.createTransport(full)));
  return t;
}

/**
 * Sends one stored mail over SMTP. The mail is claimed with a compare-and-set first, so two
 * workers never send it twice and no transaction stays open while the SMTP server thinks (on
 * PGlite an open transaction would hold up every other request). A failure is recorded on the
 * mail and thrown, so pg-boss retries the job with backoff; success clears the error.
 */
export async function deliverStoredMail(
  db: Db,
  mailId: string,
  options: { smtpUrl?: string; timeouts?: TSmtpTimeouts } = {},
): Promise<'sent' | 'skipped'> {
  const url = options.smtpUrl ?? env().smtpUrl;
  if (!url) return 'skipped';
  const [m] = await db
    .update(outbox)
    .set({ claimedUntil: sql`now() + make_interval(secs => ${CLAIM_SECONDS})`, attempts: sql`${outbox.attempts} + 1` })
    .where(and(eq(outbox.id, mailId), ne(outbox.status, 'sent'), or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, sql`now()`))))
    .returning();
  if (!m) return 'skipped';
  try {
    await transportFor(url, options.timeouts ?? SMTP_TIMEOUTS).sendMail({
      from: env().mailFrom,
      to: m.toEmail,
      subject: m.subject,
      text: m.text,
      html: m.html ?? undefined,
      attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    });
  } catch (err) {
    await db.update(outbox).set({ status: 'failed', error: String(err).slice(0, 500), claimedUntil: null }).where(eq(outbox.id, mailId));
    throw err;
  }
  await db.update(outbox).set({ status: 'sent', sentAt: new Date(), error: null, claimedUntil: null }).where(eq(outbox.id, mailId));
  return 'sent';
}

/**
 * Mails that are still not sent: stored while jobs or SMTP were down, or failed after all of
 * their job's retries. Only the last day's: an old sign-in link is worth nothing.
 */
export async function mailsToRetry(db: Db, now = new Date(), limit = 200): Promise<string[]> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        inArray(outbox.status, ['stored', 'failed']),
        gt(outbox.createdAt, new Date(now.getTime() - 24 * 3_600_000)),
        lt(outbox.createdAt, new Date(now.getTime() - 60_000)),
        or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, now)),
      ),
    )
    .orderBy(outbox.createdAt)
    .limit(limit);
  return rows.map((r) => r.id);
}
