import { runningBoss } from '@/lib/jobs/boss';
import { scheduleChatReminder } from '@/lib/jobs/chat-jobs';

/**
 * Queues the 15-minute reminder of a chat that was just confirmed or moved. Called after the
 * commit; a failure is logged, never shown: the chat itself is booked. Without a running job
 * system (tests, scripts) there is nothing to do.
 */
export async function remindLater(chat: { id: string; startsAt: Date }): Promise<void> {
  const boss = runningBoss();
  if (!boss) return;
  try {
    await scheduleChatReminder(boss, chat);
  } catch (err) {
    console.error('[fairground] could not schedule the reminder of chat', chat.id, err);
  }
}
