// Following a notification's link reads that one notification, and only the person's own.
import { eq } from 'drizzle-orm';
import { notifications, users } from '@/db/schema';
import { countUnread, markRead } from '@/lib/notifications/queries';
import { notify } from '@/lib/notifications/notify';
import { codeOf } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.insert(users).values([
    { id: 'reader-a', email: 'a@example.test', name: 'Ada Reader' },
    { id: 'reader-b', email: 'b@example.test', name: 'Bo Reader' },
  ]);
}, 60_000);
afterAll(() => t.drop());

async function noteFor(userId: string, title: string) {
  const id = crypto.randomUUID();
  await notify(t.db, { id, userId, kind: 'test.note', title, href: '/chats' });
  return id;
}

test('opening one notification reads that one; the others and other people’s stay unread', async () => {
  const first = await noteFor('reader-a', 'Your chat was confirmed');
  await noteFor('reader-a', 'A new request');
  const theirs = await noteFor('reader-b', 'Bo’s own news');
  expect(await countUnread(t.db, 'reader-a')).toBe(2);

  expect(await markRead(t.db, 'reader-a', { id: first })).toBe(1);
  expect(await countUnread(t.db, 'reader-a')).toBe(1);
  const [row] = await t.db.select().from(notifications).where(eq(notifications.id, first));
  expect(row!.readAt).toBeInstanceOf(Date);

  // Already read: nothing changes, no error. Someone else's: untouched.
  expect(await markRead(t.db, 'reader-a', { id: first })).toBe(0);
  expect(await markRead(t.db, 'reader-a', { id: theirs })).toBe(0);
  expect(await countUnread(t.db, 'reader-b')).toBe(1);
});

test('an id that is not one is refused with a specific error', async () => {
  expect(await codeOf(markRead(t.db, 'reader-a', { id: 'not-an-id' }))).toBe('invalid_input');
  expect(await codeOf(markRead(t.db, 'reader-a', {}))).toBe('invalid_input');
});
