// DESIGN.md "Live updates": access is re-checked when it can change. A participant moved out of a
// breakout room loses the stream of its chat; the people still in it keep theirs; when the rooms
// close, members lose them and hosts keep them. Runs on PGlite and PostgreSQL.
import { breakoutAction } from '@/lib/breakouts/actions';
import { topics, type TTopic } from '@/lib/live/topics';
import { actor, demoFair } from '../helpers/chat-fixtures';
import { HOST, makeSession, talent } from '../helpers/session-fixtures';
import { openStream, until, useLiveDatabase } from '../helpers/live-streams';
import type { TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
const open = (userId: string, topicList: TTopic[]) => openStream(t.db, userId, topicList);

useLiveDatabase((db, demo) => {
  t = db;
  fair = demo;
});

type TAny = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const act = (sessionId: string, who: string, input: TAny) => breakoutAction(t.db, actor(who), sessionId, input) as Promise<TAny>;

test('a moved participant loses the old room’s chat stream, the others keep theirs; closing ends members’ streams, not the hosts’', async () => {
  const id = await makeSession(t.db, fair, { title: 'Live breakouts' });
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  const [a, b] = roomIds as [string, string];
  await act(id, HOST, { action: 'assign', roundId, userId: talent(2), roomId: a });
  await act(id, HOST, { action: 'assign', roundId, userId: talent(3), roomId: a });
  await act(id, HOST, { action: 'open', roundId, minutes: 10 });
  const chatA = topics.thread('breakout', a);
  const moved = await open(talent(2), [chatA, topics.breakouts(id)]);
  const stays = await open(talent(3), [chatA]);
  const host = await open(HOST, [chatA, topics.breakouts(id)]);
  try {
    await act(id, HOST, { action: 'assign', roundId, userId: talent(2), roomId: b });
    await until(() => moved.revoked.length > 0);
    expect(moved.revoked).toEqual([chatA]);
    await until(() => host.frames.some((f) => f.includes(roundId)));
    await new Promise((r) => setTimeout(r, 300));
    expect([stays.revoked, host.revoked]).toEqual([[], []]);

    await act(id, HOST, { action: 'close', roundId });
    await until(() => stays.revoked.length > 0);
    expect(stays.revoked).toEqual([chatA]);
    await new Promise((r) => setTimeout(r, 300));
    expect(host.revoked).toEqual([]);
  } finally {
    moved.off();
    stays.off();
    host.off();
  }
}, 30_000);
