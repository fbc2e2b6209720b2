import { eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { outbox } from '@/db/schema';
import { createBoss } from '@/lib/jobs/boss';
import { registerMailWorkers, sweepMail } from '@/lib/jobs/mail-jobs';
import { deliverStoredMail, MAIL_DELIVER } from '@/lib/mail/deliver-mail';
import { sendMagicLink } from '@/lib/mail/magic-link';
import { attachJobs, detachJobs } from '@/lib/tx/job-sink';
import { startSmtpStandIn, type TSmtpStandIn } from '../helpers/smtp-stand-in';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let boss: PgBoss;
let smtp: TSmtpStandIn;
const fast = { connect: 300, greeting: 300, socket: 600 };

beforeAll(async () => {
  smtp = await startSmtpStandIn();
  // Read by deliverLater: with SMTP configured, storing a mail queues its delivery.
  process.env.SMTP_URL = smtp.url;
  t = await createTestDatabase();
  boss = await createBoss(t, t.url);
  attachJobs(t.db, boss);
}, 60_000);
afterAll(async () => {
  detachJobs(t.db);
  await boss?.stop({ graceful: false, wait: true });
  await t?.drop();
  await smtp?.close();
  delete process.env.SMTP_URL;
});

const mailTo = async (to: string) => (await t.db.select().from(outbox).where(eq(outbox.toEmail, to)))[0]!;
const deliveries = async (mailId: string) =>
  (await boss.getDb().executeSql(`select state from pgboss.job where name = $1 and data->>'mailId' = $2`, [MAIL_DELIVER, mailId])).rows;

test('a hanging SMTP server never holds up the request: the mail is stored and its delivery queued', async () => {
  smtp.mode = 'hang';
  await boss.createQueue(MAIL_DELIVER, { name: MAIL_DELIVER, policy: 'short' });
  const started = Date.now();
  await sendMagicLink(t.db, 'hang@example.com', 'http://localhost/x');
  expect(Date.now() - started).toBeLessThan(2_000);
  const mail = await mailTo('hang@example.com');
  expect(mail.status).toBe('stored');
  expect(await deliveries(mail.id)).toHaveLength(1);
});

test('delivery gives up on a silent server after its timeout, records why, and is retried until sent; success clears the error', async () => {
  smtp.mode = 'hang';
  const mail = await mailTo('hang@example.com');
  const started = Date.now();
  await expect(deliverStoredMail(t.db, mail.id, { smtpUrl: smtp.url, timeouts: fast })).rejects.toThrow(/Greeting never received/);
  expect(Date.now() - started).toBeLessThan(5_000);
  const failed = await mailTo('hang@example.com');
  expect(failed.status).toBe('failed');
  expect(failed.error).toMatch(/Greeting never received/);
  expect(failed.claimedUntil).toBeNull();

  smtp.mode = 'ok';
  expect(await deliverStoredMail(t.db, mail.id, { smtpUrl: smtp.url, timeouts: fast })).toBe('sent');
  const sent = await mailTo('hang@example.com');
  expect(sent).toMatchObject({ status: 'sent', error: null, attempts: 2 });
  expect(smtp.received.join()).toContain('Subject: Your Fairground sign-in link');
  // Sent once: a second delivery of the same mail does nothing.
  expect(await deliverStoredMail(t.db, mail.id, { smtpUrl: smtp.url, timeouts: fast })).toBe('skipped');
  expect(smtp.received).toHaveLength(1);
}, 20_000);

test('the sweep queues mails left stored (jobs were down) and the worker sends them', async () => {
  smtp.mode = 'ok';
  detachJobs(t.db);
  await sendMagicLink(t.db, 'later@example.com', 'http://localhost/y');
  attachJobs(t.db, boss);
  const mail = await mailTo('later@example.com');
  expect(await deliveries(mail.id)).toHaveLength(0);
  await t.db.execute(sql`update outbox set created_at = now() - interval '10 minutes' where id = ${mail.id}`);
  await registerMailWorkers(boss, t.db, { pollingIntervalSeconds: 0.5, smtpUrl: smtp.url, timeouts: fast });
  expect(await sweepMail(boss, t.db)).toBe(1);
  const until = Date.now() + 15_000;
  while ((await mailTo('later@example.com')).status !== 'sent' && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  expect(await mailTo('later@example.com')).toMatchObject({ status: 'sent', error: null });
}, 30_000);
