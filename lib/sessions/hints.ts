import type { THint } from '@/lib/live/topics';
import { topics } from '@/lib/live/topics';

/**
 * Who may be in a session's room changed: the streams following its chat and Q&A re-check
 * their access (and close when it is gone). Those hints carry data (new messages, vote counts)
 * that only people in the room may see, so every loss of the room must send this. With a
 * `userId`, only that person's streams re-check (a cancelled sign-up); without one, all do.
 */
export function roomAccessChanged(sessionId: string, userId?: string): THint[] {
  const ids = userId ? { ids: { user: userId } } : {};
  return [
    { topic: topics.thread('session', sessionId), recheck: true, ...ids },
    { topic: topics.sessionQa(sessionId), recheck: true, ...ids },
  ];
}
