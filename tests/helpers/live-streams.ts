import type { Db } from '@/db/client';
import { followTopics } from '@/lib/live/follow';
import type { TTopic } from '@/lib/live/topics';
import { actor } from './chat-fixtures';

export type TStream = { frames: string[]; revoked: TTopic[]; off: () => void };
const decoder = new TextDecoder();

/** A live stream as /api/live opens it for a person; a revoked topic closes it (what pages/api/live.ts does). */
export async function openStream(db: Db, userId: string, topicList: TTopic[]): Promise<TStream> {
  const s: TStream = { frames: [], revoked: [], off: () => {} };
  s.off = await followTopics(db, actor(userId), topicList, (f) => s.frames.push(decoder.decode(f)), (topic) => {
    s.revoked.push(topic);
    s.off();
  });
  return s;
}

export async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}
