// DESIGN.md "Live updates": access is re-checked when it can change. A moderator following a
// desk conversation that another moderator makes confidential loses the stream; the one who
// made it confidential and the participant keep theirs. Runs on PGlite and PostgreSQL.
import { setConfidential } from '@/lib/desks/assign-conversation';
import { enterDesk } from '@/lib/desks/enter-desk';
import { recheckCount } from '@/lib/live/hub';
import { publishHint, publishHints } from '@/lib/live/publish';
import { topics, type TTopic } from '@/lib/live/topics';
import { actor, demoFair } from '../helpers/chat-fixtures';
import { crowd, openDesk } from '../helpers/desk-fixtures';
import { openStream, until, useLiveDatabase } from '../helpers/live-streams';
import type { TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
const open = (userId: string, topicList: TTopic[]) => openStream(t.db, userId, topicList);

useLiveDatabase((db, demo) => {
  t = db;
  fair = demo;
});

test("a conversation made confidential closes another moderator's stream on it, and only theirs", async () => {
  const A = 'demo-moderator';
  const B = 'demo-recruiter-1-1';
  const deskId = await openDesk(t.db, fair.event.id, { moderators: [A, B], limit: 5 });
  const [person] = await crowd(t.db, fair.event.id, 1, 'revoke');
  const { conversationId } = await enterDesk(t.db, actor(person!), { deskId });
  const topic = topics.conversation(conversationId);

  const onA = await open(A, [topic]);
  const onB = await open(B, [topic, topics.desk(deskId)]);
  const participant = await open(person!, [topic]);
  try {
    await setConfidential(t.db, actor(A), { conversationId, confidential: true });
    await until(() => onB.revoked.length > 0);
    expect(onB.revoked).toEqual([topic]);
    // The others heard the change and were re-checked, but keep their streams.
    await until(() => onA.frames.length > 0 && participant.frames.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(onA.revoked).toEqual([]);
    expect(participant.revoked).toEqual([]);

    // Still open: a later hint on the conversation reaches A and the participant, not B.
    const before = onB.frames.length;
    await publishHint(t.db, topic, { n: 1 });
    await until(() => onA.frames.some((f) => f.includes('"n":1')) && participant.frames.some((f) => f.includes('"n":1')));
    expect(onB.frames).toHaveLength(before);
  } finally {
    onA.off();
    onB.off();
    participant.off();
  }
}, 30_000);

test('a normal hint costs no re-check; a recheck hint re-checks each stream of its topic once', async () => {
  const topic = topics.user('recheck-cost');
  const s = await open('recheck-cost', [topic]);
  try {
    const start = recheckCount();
    await publishHint(t.db, topic, { n: 1 });
    await until(() => s.frames.some((f) => f.includes('"n":1')));
    expect(recheckCount()).toBe(start);

    await publishHints(t.db, [{ topic, recheck: true }]);
    await until(() => recheckCount() === start + 1);
    await new Promise((r) => setTimeout(r, 200));
    // Their own user topic: still visible, so the stream stays.
    expect(s.revoked).toEqual([]);
    expect(recheckCount()).toBe(start + 1);
  } finally {
    s.off();
  }
}, 30_000);
