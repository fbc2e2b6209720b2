import 'server-only';
import { CHAT_REMINDER, reminderJob } from '@/lib/jobs/chat-jobs';
import type { TWork } from '@/lib/tx/in-tx';

/**
 * Queues the 15-minute reminder of a chat that is being confirmed or moved, in the same
 * transaction (see inTx): it exists exactly when the chat does, and survives a restart.
 */
export function remindLater(work: TWork, chat: { id: string; startsAt: Date }, now = new Date()): void {
  const job = reminderJob(chat, now);
  if (job) work.enqueue(CHAT_REMINDER, job.data, job.options);
}
