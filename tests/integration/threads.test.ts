import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { and, eq } from 'drizzle-orm';
import { messages, slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { chatResource } from '@/lib/chats/resource';
import { cancelChat } from '@/lib/chats/schedule-chat';
import { registerResource } from '@/lib/resources/registry';
import { actOnMessage, listMessages, postMessage } from '@/lib/threads';
import { actor, codeOf, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const pgOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;
const RECRUITER = 'demo-recruiter-1-1';
const COLLEAGUE = 'demo-recruiter-1-2';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  await openRecruiter(t.db, fair, RECRUITER, 'direct', [0, 1, 2, 3]);
}, 60_000);
afterAll(async () => {
  registerResource(chatResource);
  await t.drop();
});

async function chatOf(talentId: string, i: number) {
  const [slot] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, RECRUITER), eq(slots.startsAt, fair.grid[i]!.startsAt)));
  return (await bookDirect(t.db, actor(talentId), { slotId: slot!.id })).chatId;
}
const say = (who: string, chatId: string, body: string) => postMessage(t.db, actor(who), { kind: 'chat', ownerId: chatId, body });
const read = (who: string, chatId: string, after?: number) => listMessages(t.db, actor(who), { kind: 'chat', ownerId: chatId, after });

test('a cursor read returns only what came after it; a first read the newest page', async () => {
  const chatId = await chatOf('demo-talent-02', 0);
  for (let i = 1; i <= 5; i++) await say(i % 2 ? 'demo-talent-02' : RECRUITER, chatId, `message ${i}`);
  const first = await read('demo-talent-02', chatId);
  expect(first.items.map((m) => m.body)).toEqual(['message 1', 'message 2', 'message 3', 'message 4', 'message 5']);
  expect(first.cursor).toBe(5);
  expect(first.canPost).toBe(true);
  await say(RECRUITER, chatId, 'message 6');
  const next = await read('demo-talent-02', chatId, first.cursor);
  expect(next.items.map((m) => [m.seq, m.body])).toEqual([[6, 'message 6']]);
  expect((await read('demo-talent-02', chatId, 6)).items).toEqual([]);
  const tail = await listMessages(t.db, actor(RECRUITER), { kind: 'chat', ownerId: chatId, limit: 2 });
  expect(tail.items.map((m) => m.seq)).toEqual([5, 6]);
  expect(await codeOf(listMessages(t.db, actor(RECRUITER), { kind: 'chat', ownerId: chatId, after: -1 }))).toBe('invalid_input');
  expect(await codeOf(listMessages(t.db, actor(RECRUITER), { kind: 'nope', ownerId: chatId }))).toBe('not_found');
});

test('authors flag and redact their own messages; hiding needs a moderator', async () => {
  const chatId = await chatOf('demo-talent-03', 1);
  const mine = await say('demo-talent-03', chatId, 'My phone is +49 170 1234567');
  const theirs = await say(RECRUITER, chatId, 'Thanks, noted.');
  expect(await actOnMessage(t.db, actor('demo-talent-03'), { messageId: mine.id, action: 'flag' })).toEqual({ changed: true });
  expect(await actOnMessage(t.db, actor('demo-talent-03'), { messageId: mine.id, action: 'flag' })).toEqual({ changed: false });
  expect(await codeOf(actOnMessage(t.db, actor('demo-talent-03'), { messageId: theirs.id, action: 'redact' }))).toBe('forbidden');
  expect(await codeOf(actOnMessage(t.db, actor('demo-talent-03'), { messageId: mine.id, action: 'hide' }))).toBe('forbidden');
  expect(await codeOf(actOnMessage(t.db, actor('demo-talent-07'), { messageId: mine.id, action: 'flag' }))).toBe('not_found');
  await actOnMessage(t.db, actor('demo-talent-03'), { messageId: mine.id, action: 'redact' });
  const [row] = await t.db.select().from(messages).where(eq(messages.id, mine.id));
  expect(row!.body).toBe('');
  expect(row!.redactedAt).not.toBeNull();
  expect(row!.piiFlaggedAt).not.toBeNull();
  const page = await read(RECRUITER, chatId);
  expect(page.items.map((m) => [m.body, m.redacted, m.flagged])).toEqual([
    ['', true, true],
    ['Thanks, noted.', false, false],
  ]);

  // A resource whose recruiters moderate: the same use-cases hide for them, and readers stop seeing it.
  registerResource({ ...chatResource, permissions: { ...chatResource.permissions, recruiter: [...chatResource.permissions.recruiter, 'thread.moderate'] } });
  try {
    await actOnMessage(t.db, actor(RECRUITER), { messageId: theirs.id, action: 'hide' });
    expect((await read('demo-talent-03', chatId)).items.map((m) => m.seq)).toEqual([1]);
    const moderated = await read(RECRUITER, chatId);
    expect(moderated.canModerate).toBe(true);
    expect(moderated.items.map((m) => [m.seq, m.hidden])).toEqual([
      [1, false],
      [2, true],
    ]);
  } finally {
    registerResource(chatResource);
  }
});

test('a colleague of the company reads but cannot write; a cancelled chat takes no messages', async () => {
  const chatId = await chatOf('demo-talent-04', 2);
  await say('demo-talent-04', chatId, 'Hello');
  expect((await read(COLLEAGUE, chatId)).canPost).toBe(false);
  expect(await codeOf(say(COLLEAGUE, chatId, 'Hi from a colleague'))).toBe('forbidden');
  await cancelChat(t.db, actor('demo-talent-04'), { chatId, reason: 'Found a job' });
  expect(await codeOf(say('demo-talent-04', chatId, 'Still there?'))).toBe('not_allowed_now');
  expect((await read('demo-talent-04', chatId)).items).toHaveLength(1);
});

pgOnly('concurrent writers on PostgreSQL', () => {
  test('messages sent at once get gap-free numbers in commit order, so a cursor never skips one', async () => {
    const chatId = await chatOf('demo-talent-05', 3);
    const sent = await Promise.all(Array.from({ length: 20 }, (_, i) => say(i % 2 ? RECRUITER : 'demo-talent-05', chatId, `burst ${i}`)));
    expect(sent.map((m) => m.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const page = await read('demo-talent-05', chatId);
    expect(page.items.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

test('the migration moves existing call messages onto one thread per chat, numbered in order', async () => {
  // Every migration before threads, then call messages as they were stored, then the threads migration.
  const journal = JSON.parse(readFileSync('db/migrations/meta/_journal.json', 'utf8')) as { entries: { tag: string }[] };
  const tags = journal.entries.map((e) => e.tag);
  const at = tags.indexOf('0012_threads');
  const db = new PGlite({ extensions: { btree_gist } });
  const run = async (tag: string) => {
    for (const stmt of readFileSync(`db/migrations/${tag}.sql`, 'utf8').split('--> statement-breakpoint')) if (stmt.trim()) await db.exec(stmt);
  };
  try {
    for (const tag of tags.slice(0, at)) await run(tag);
    await db.exec(`
      insert into users (id, name) values ('t', 'Talent'), ('r', 'Recruiter');
      insert into events (id, slug, name, time_zone) values ('00000000-0000-4000-8000-000000000001', 'old-fair', 'Old fair', 'UTC');
      insert into companies (id, slug, name) values ('00000000-0000-4000-8000-000000000002', 'acme', 'Acme');
      insert into chat_requests (id, event_id, company_id, talent_id, recruiter_id, initiated_by, sent_by, status)
        values ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 't', 'r', 'talent', 't', 'pending');
      insert into messages (chat_id, author_id, body, created_at) values
        ('00000000-0000-4000-8000-0000000000c1', 'r', 'second', '2027-01-01T10:01:00Z'),
        ('00000000-0000-4000-8000-0000000000c1', 't', 'first', '2027-01-01T10:00:00Z');`);
    await run(tags[at]!);
    const rows = await db.query<{ kind: string; last_seq: number; seq: number; body: string }>(
      `select t.kind, t.last_seq, m.seq, m.body from messages m join threads t on t.id = m.thread_id order by m.seq`,
    );
    expect(rows.rows).toEqual([
      { kind: 'chat', last_seq: 2, seq: 1, body: 'first' },
      { kind: 'chat', last_seq: 2, seq: 2, body: 'second' },
    ]);
  } finally {
    await db.close();
  }
}, 60_000);
