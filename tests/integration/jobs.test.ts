import { and, eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { chatRequests, notifications, outbox, slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { cancelChat } from '@/lib/chats/schedule-chat';
import { createBoss } from '@/lib/jobs/boss';
import { CHAT_COMPLETE, CHAT_REMINDER, handleChatComplete, handleChatReminders, registerChatWorkers, scheduleChatReminder } from '@/lib/jobs/chat-jobs';
import type { TChatReminderJob } from '@/lib/jobs/send-chat-reminder';
import { actor, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let boss: PgBoss;
let fair: Awaited<ReturnType<typeof demoFair>>;
const RECRUITER = 'demo-recruiter-1-1';

async function book(talentId: string, i: number) {
  const [slot] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, RECRUITER), eq(slots.startsAt, fair.grid[i]!.startsAt)));
  const { chatId } = await bookDirect(t.db, actor(talentId), { slotId: slot!.id });
  const [chat] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, chatId));
  return chat as typeof chat & { startsAt: Date };
}

const reminderNotes = () => t.db.select().from(notifications).where(eq(notifications.kind, 'chat.reminder'));
const reminderMails = () => t.db.select().from(outbox).where(eq(outbox.kind, 'chat.reminder'));

const fakeJob = (data: TChatReminderJob): PgBoss.Job<TChatReminderJob> => ({ id: crypto.randomUUID(), name: CHAT_REMINDER, data, expireInSeconds: 60 });

async function waitForJob(name: string, id: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await boss.getJobById(name, id, { includeArchive: true });
    if (job && ['completed', 'failed'].includes(job.state)) return job;
    if (Date.now() > until) throw new Error(`job ${name} ${id} still ${job?.state ?? 'missing'} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const clearReminders = async () => {
  await t.db.delete(notifications).where(eq(notifications.kind, 'chat.reminder'));
  await t.db.delete(outbox).where(eq(outbox.kind, 'chat.reminder'));
};

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  await openRecruiter(t.db, fair, RECRUITER, 'direct', [0, 1, 2, 3, 4, 5, 6, 7]);
  boss = await createBoss(t, t.url);
  await registerChatWorkers(boss, t.db, { pollingIntervalSeconds: 0.5 });
}, 60_000);
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await t?.drop();
});
afterEach(clearReminders);

test('the reminder handler tells the talent and the recruiter, in-app and by mail', async () => {
  const chat = await book('demo-talent-02', 0);
  const out = await handleChatReminders(t.db, [fakeJob({ chatId: chat.id, startsAt: chat.startsAt.toISOString() })]);
  expect(out).toEqual({ results: ['sent'] });
  const notes = await reminderNotes();
  expect(notes.map((n) => n.userId).sort()).toEqual([RECRUITER, 'demo-talent-02'].sort());
  const mails = await reminderMails();
  expect(mails).toHaveLength(2);
  expect(mails[0]!.subject).toContain('starts soon');
});

test('through the queue: a due reminder is picked up by the worker', async () => {
  const chat = await book('demo-talent-03', 1);
  // Scheduled as if now were 20 minutes before the chat: the reminder is due at once.
  const now = new Date(chat.startsAt.getTime() - 20 * 60_000);
  const dueAt = new Date(chat.startsAt.getTime() - 15 * 60_000);
  const id = await scheduleChatReminder(boss, chat, now);
  expect(id).not.toBeNull();
  const stored = await boss.getJobById<TChatReminderJob>(CHAT_REMINDER, id!);
  expect(stored?.startAfter.getTime()).toBe(dueAt.getTime());
  // The real chat is tomorrow, so make the stored job due now to let the worker run it.
  await boss.getDb().executeSql(`update pgboss.job set start_after = now() - interval '1 second' where name = $1 and id = $2`, [CHAT_REMINDER, id]);
  const job = await waitForJob(CHAT_REMINDER, id!);
  expect(job.state).toBe('completed');
  expect(job.output).toEqual({ results: ['sent'] });
  expect(await reminderNotes()).toHaveLength(2);
  expect(await reminderMails()).toHaveLength(2);
}, 30_000);

test('the same reminder scheduled twice is stored once; a new time is a new job', async () => {
  const chat = await book('demo-talent-04', 2);
  const first = await scheduleChatReminder(boss, chat);
  const again = await Promise.all([scheduleChatReminder(boss, chat), scheduleChatReminder(boss, chat)]);
  expect(first).not.toBeNull();
  expect(again).toEqual([null, null]);
  const moved = await scheduleChatReminder(boss, { id: chat.id, startsAt: new Date(chat.startsAt.getTime() + 30 * 60_000) });
  expect(moved).not.toBeNull();
  expect(moved).not.toBe(first);
  const rows = await boss.getDb().executeSql(`select singleton_key from pgboss.job where name = $1 and data->>'chatId' = $2`, [CHAT_REMINDER, chat.id]);
  expect(rows.rows).toHaveLength(2);
});

test('a cancelled or rescheduled chat gets no reminder', async () => {
  const chat = await book('demo-talent-05', 3);
  const job = { chatId: chat.id, startsAt: chat.startsAt.toISOString() };
  // Moved: the job's start time no longer matches.
  expect(await handleChatReminders(t.db, [fakeJob({ ...job, startsAt: new Date(chat.startsAt.getTime() - 30 * 60_000).toISOString() })])).toEqual({ results: ['stale'] });
  await cancelChat(t.db, actor('demo-talent-05'), { chatId: chat.id, reason: 'Something came up' });
  expect(await handleChatReminders(t.db, [fakeJob(job)])).toEqual({ results: ['stale'] });
  expect(await reminderNotes()).toHaveLength(0);
  expect(await reminderMails()).toHaveLength(0);
});

test('chat-complete marks chats that are over as completed, directly and through the queue', async () => {
  const chat = await book('demo-talent-06', 4);
  // Every booked chat is tomorrow: nothing to complete yet.
  expect(await handleChatComplete(t.db)).toEqual({ completed: 0 });
  // Move one confirmed chat into the past, as if its time had come and gone.
  const [other] = await t.db.select().from(chatRequests).where(and(eq(chatRequests.talentId, 'demo-talent-02'), eq(chatRequests.status, 'confirmed')));
  // The slot moves with it: the database holds a confirmed chat to its slot's times.
  await t.db.execute(sql`with moved as (
      update slots set starts_at = now() - interval '2 hours', ends_at = now() - interval '90 minutes' where id = ${other!.slotId})
    update chat_requests set starts_at = now() - interval '2 hours', ends_at = now() - interval '90 minutes' where id = ${other!.id}`);
  const id = await boss.send(CHAT_COMPLETE, {});
  const job = await waitForJob(CHAT_COMPLETE, id!);
  expect(job.output).toEqual({ completed: 1 });
  const [done] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, other!.id));
  expect(done!.status).toBe('completed');
  // The rest complete once their end has passed; a second sweep finds nothing more.
  const later = new Date(chat.startsAt.getTime() + 24 * 60 * 60_000);
  expect((await handleChatComplete(t.db, later)).completed).toBeGreaterThanOrEqual(1);
  expect(await handleChatComplete(t.db, later)).toEqual({ completed: 0 });
  const [mine] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, chat.id));
  expect(mine!.status).toBe('completed');
}, 30_000);

test('jobs survive a restart and run once across several instances', async () => {
  const chats = await Promise.all([book('demo-talent-07', 5), book('demo-talent-08', 6), book('demo-talent-09', 7)]);
  const ids = await Promise.all(chats.map((c) => scheduleChatReminder(boss, c)));
  // The instance that scheduled them shuts down before they are due…
  await boss.stop({ graceful: true, wait: true });
  // …and two fresh instances (a restart, plus a second app server) share the work.
  const a = await createBoss(t, t.url);
  const b = await createBoss(t, t.url);
  boss = a;
  try {
    await registerChatWorkers(a, t.db, { pollingIntervalSeconds: 0.5 });
    await registerChatWorkers(b, t.db, { pollingIntervalSeconds: 0.5 });
    await a.getDb().executeSql(`update pgboss.job set start_after = now() where name = $1 and id = any($2::uuid[])`, [CHAT_REMINDER, ids]);
    const jobs = await Promise.all(ids.map((id) => waitForJob(CHAT_REMINDER, id!)));
    expect(jobs.map((j) => j.state)).toEqual(['completed', 'completed', 'completed']);
    const notes = await reminderNotes();
    // Exactly one reminder per person per chat: no job ran twice.
    expect(notes).toHaveLength(6);
    expect(new Set(notes.map((n) => n.userId)).size).toBe(4);
    expect(await reminderMails()).toHaveLength(6);
  } finally {
    await b.stop({ graceful: false, wait: true });
  }
}, 40_000);
