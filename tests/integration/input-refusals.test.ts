// Inputs that used to reach PostgreSQL and come back as a 500 are refused first, with a message
// at the field (issue 9, item 17, the input side).
import { eq } from 'drizzle-orm';
import { messages, profiles, slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { AppError, toErrorBody } from '@/lib/errors';
import { createEvent } from '@/lib/events/create-event';
import { updateProfile } from '@/lib/profiles/update-profile';
import { postMessage } from '@/lib/threads';
import { actor, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let chatId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const fair = await demoFair(t.db);
  await openRecruiter(t.db, fair, 'demo-recruiter-1-1', 'direct', [0]);
  const [slot] = await t.db.select().from(slots).where(eq(slots.recruiterId, 'demo-recruiter-1-1'));
  chatId = (await bookDirect(t.db, actor('demo-talent-02'), { slotId: slot!.id })).chatId;
}, 60_000);
afterAll(() => t.drop());

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    const body = toErrorBody(e);
    expect(e).toBeInstanceOf(AppError);
    return body;
  }
  throw new Error('expected a refusal');
}

test('a NUL character in a chat message is refused at the field, nothing stored', async () => {
  const body = await refusal(postMessage(t.db, actor('demo-talent-02'), { kind: 'chat', ownerId: chatId, body: 'hello\u0000world' }));
  expect(body.code).toBe('invalid_input');
  expect(body.fieldErrors).toEqual({ body: 'Remove the invisible NUL character (\\u0000) from this text: text cannot hold it.' });
  expect(await t.db.select().from(messages)).toHaveLength(0);
});

test('a NUL character in a profile is refused at the field, the profile unchanged', async () => {
  const [before] = await t.db.select().from(profiles).where(eq(profiles.userId, 'demo-talent-02'));
  const body = await refusal(updateProfile(t.db, actor('demo-talent-02'), { name: 'Ada Lovelace', headline: 'Engineer', bio: 'bio\u0000' }));
  expect(body.code).toBe('invalid_input');
  expect(body.fieldErrors?.bio).toMatch(/NUL character/);
  const [after] = await t.db.select().from(profiles).where(eq(profiles.userId, 'demo-talent-02'));
  expect(after).toEqual(before);
});

test('an event day dated 0000-01-01 is refused with the range', async () => {
  const body = await refusal(
    createEvent(t.db, { id: 'demo-organizer', isAdmin: true }, {
      name: 'Year zero',
      slug: 'year-zero',
      timeZone: 'UTC',
      status: 'draft',
      chatInitiation: 'both',
      talentRequestCredits: 1,
      days: [{ date: '0000-01-01', mode: 'virtual', opensAt: '09:00', closesAt: '10:00', chatDurations: [15] }],
    }),
  );
  expect(body.code).toBe('invalid_input');
  expect(body.fieldErrors?.['days.0.date']).toBe('Pick a date between the years 2000 and 2099');
});
