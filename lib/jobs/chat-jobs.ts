/**
 * Jobs for 1-1 chats, kept in PostgreSQL by pg-boss.
 *
 * How to schedule a reminder: inside the transaction that confirmed or rescheduled a chat
 * (see inTx), call `remindLater(work, { id: chatId, startsAt })` (lib/chats/remind-later) with
 * the chat's new start time: the job is written with the chat. Scheduling the same chat and
 * time twice stores one job; a cancelled or moved chat needs nothing: its old reminder finds
 * the chat changed and sends nothing.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import type PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import { completeChats } from '@/lib/chats/complete-chats';
import { videoConfig } from '@/lib/video/video-config';
import { sendChatReminder, type TChatReminderJob } from './send-chat-reminder';

export const CHAT_REMINDER = 'chat-reminder';
export const CHAT_COMPLETE = 'chat-complete';
export const REMINDER_LEAD_MINUTES = 15;

/** Creates the chat queues (idempotent; every instance does it at boot). */
export async function createChatQueues(boss: PgBoss): Promise<void> {
  // 'short': at most one waiting job per singletonKey — the database refuses a duplicate.
  await boss.createQueue(CHAT_REMINDER, { name: CHAT_REMINDER, policy: 'short', retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 });
  // 'singleton': at most one completion sweep runs at a time across all instances.
  await boss.createQueue(CHAT_COMPLETE, { name: CHAT_COMPLETE, policy: 'singleton', retryLimit: 1, expireInSeconds: 120 });
}

export function reminderKey(chat: { id: string; startsAt: Date }): string {
  return `${chat.id}:${chat.startsAt.toISOString()}`;
}

/** A job id that follows from the key: pg-boss inserts with ON CONFLICT DO NOTHING on (name,
 * id), so a duplicate is refused even after the first job has run (until it is archived). */
function reminderJobId(key: string): string {
  const h = createHash('sha256').update(`${CHAT_REMINDER}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The reminder job of a chat, due 15 minutes before it (at once if that is already past);
 * undefined once the chat has started. */
export function reminderJob(chat: { id: string; startsAt: Date }, now = new Date()) {
  if (chat.startsAt.getTime() <= now.getTime()) return undefined;
  const key = reminderKey(chat);
  const startAfter = new Date(Math.max(chat.startsAt.getTime() - REMINDER_LEAD_MINUTES * 60_000, now.getTime()));
  const data: TChatReminderJob = { chatId: chat.id, startsAt: chat.startsAt.toISOString() };
  return { data, options: { id: reminderJobId(key), singletonKey: key, startAfter } };
}

/** Schedules the reminder outside any transaction. Returns the job id, or null when nothing
 * was stored (a duplicate, or the chat has started). */
export async function scheduleChatReminder(boss: PgBoss, chat: { id: string; startsAt: Date }, now = new Date()): Promise<string | null> {
  const job = reminderJob(chat, now);
  return job ? boss.send(CHAT_REMINDER, job.data, job.options) : null;
}

// Workers fetch one job at a time (pg-boss's default batch size): a failure retries that job only.
export const handleChatReminders = async (db: Db, jobs: PgBoss.Job<TChatReminderJob>[]) => {
  const results: string[] = [];
  for (const job of jobs) results.push(await sendChatReminder(db, job.data));
  return { results };
};

export const handleChatComplete = async (db: Db, now = new Date()) => ({ completed: await completeChats(db, now, { video: videoConfig() !== undefined }) });

/** Creates the queues, starts this instance's workers and the every-minute completion sweep.
 * Every instance may do this: pg-boss hands each job to one worker (SKIP LOCKED). */
export async function registerChatWorkers(boss: PgBoss, db: Db, options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  await createChatQueues(boss);
  const work = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 };
  await boss.work<TChatReminderJob>(CHAT_REMINDER, work, (jobs) => handleChatReminders(db, jobs));
  await boss.work(CHAT_COMPLETE, work, () => handleChatComplete(db));
  await boss.schedule(CHAT_COMPLETE, '* * * * *');
}
