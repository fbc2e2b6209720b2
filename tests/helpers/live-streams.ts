import type { Db } from '@/db/client';
import { followTopics } from '@/lib/live/follow';
import type { TTopic } from '@/lib/live/topics';
import { actor, demoFair } from './chat-fixtures';
import { createTestDatabase, type TestDatabase } from './test-db';

export type THintSeen = { topic: string; ids?: Record<string, string | number>; data?: Record<string, unknown>; recheck?: true };
/** `frameAt`: when each frame arrived (performance.now()). */
export type TStream = { frames: string[]; frameAt: number[]; hints: THintSeen[]; revoked: TTopic[]; off: () => void };
const decoder = new TextDecoder();

/**
 * A live stream as /api/live opens it for a person, with its frames and their hints parsed; a
 * revoked topic closes it (what pages/api/live.ts does).
 */
export async function openStream(db: Db, userId: string, topicList: TTopic[]): Promise<TStream> {
  const s: TStream = { frames: [], frameAt: [], hints: [], revoked: [], off: () => {} };
  const onFrame = (f: Uint8Array) => {
    const text = decoder.decode(f);
    s.frames.push(text);
    s.frameAt.push(performance.now());
    for (const m of text.matchAll(/^data: (.*)$/gm)) s.hints.push(JSON.parse(m[1]!) as THintSeen);
  };
  s.off = await followTopics(db, actor(userId), topicList, onFrame, (topic) => {
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

/**
 * One test database with the demo fair per test file, installed as the process's database
 * (the live hub LISTENs on it) and dropped with the hub after the file.
 */
export function useLiveDatabase(ready: (t: TestDatabase, fair: Awaited<ReturnType<typeof demoFair>>) => void): void {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    t = await createTestDatabase();
    globalThis.__fairgroundDatabase = t;
    ready(t, await demoFair(t.db));
  }, 60_000);
  afterAll(async () => {
    globalThis.__fairgroundDatabase = undefined;
    globalThis.__fairgroundLiveHub = undefined;
    await t?.drop();
  }, 30_000);
}
