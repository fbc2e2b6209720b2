import { and, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { executeRows } from '@/db/client';
import { chatRequests, slots } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { AppError, toErrorBody } from '@/lib/errors';
import { CONSTRAINTS } from '@/lib/errors/constraints';
import { updateEvent } from '@/lib/events/update-event';
import { postMessage } from '@/lib/threads';
import { NUL_MESSAGE } from '@/lib/validation';
import { actor, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const pgOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;
const RECRUITER = 'demo-recruiter-1-1';
const ORGANIZER = { id: 'demo-organizer', isAdmin: true };

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  await openRecruiter(t.db, fair, RECRUITER, 'direct', [0, 1, 2, 3]);
}, 60_000);
afterAll(() => t.drop());

const slotAt = async (i: number) => {
  const [s] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, RECRUITER), eq(slots.startsAt, fair.grid[i]!.startsAt)));
  return s!;
};
const failure = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected a domain error, got ${String(err)}`);
  return toErrorBody(err);
};

test('every UNIQUE, EXCLUDE and CHECK constraint of the schema has a message in the registry', async () => {
  const rows = await executeRows<{ name: string }>(
    t.db,
    sql`select conname as name from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where n.nspname = 'public' and contype in ('u', 'x', 'c')
        union select indexrelid::regclass::text from pg_index i join pg_class r on r.oid = i.indrelid join pg_namespace n on n.oid = r.relnamespace
        where n.nspname = 'public' and i.indisunique and not i.indisprimary
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
  );
  const missing = rows.map((r) => r.name).filter((name) => !(name in CONSTRAINTS));
  expect(missing).toEqual([]);
});

test('removing a day that holds booked chats is a 409 that says what to do, and nothing changes', async () => {
  const slot = await slotAt(0);
  await bookDirect(t.db, actor('demo-talent-04'), { slotId: slot.id });
  const { event } = fair;
  const days = await t.db.query.eventDays.findMany({ where: (d, { eq: is }) => is(d.eventId, event.id) });
  const kept = days.filter((d) => d.id !== fair.day.id);
  const input = {
    name: event.name,
    slug: event.slug,
    timeZone: event.timeZone,
    status: event.status,
    chatInitiation: event.chatInitiation,
    talentRequestCredits: event.talentRequestCredits,
    days: kept.map((d) => ({ date: d.date, mode: d.mode, opensAt: d.opensAt.slice(0, 5), closesAt: d.closesAt.slice(0, 5), chatDurations: d.chatDurations })),
  };
  const body = await failure(updateEvent(t.db, ORGANIZER, event.id, input));
  expect(body.code).toBe('not_allowed_now');
  expect(body.message).toMatch(/hold booked 1-1 chats — cancel or move those chats first/);
  expect(await t.db.query.eventDays.findFirst({ where: (d, { eq: is }) => is(d.id, fair.day.id) })).toBeDefined();
});

test('a NUL byte in a message is a 422 with a message, never a 500', async () => {
  const slot = await slotAt(1);
  const { chatId } = await bookDirect(t.db, actor('demo-talent-02'), { slotId: slot.id });
  const body = await failure(postMessage(t.db, actor('demo-talent-02'), { kind: 'chat', ownerId: chatId, body: 'Hi\u0000there' }));
  expect(body.code).toBe('invalid_input');
  expect(body.fieldErrors).toEqual({ body: NUL_MESSAGE });
  // Past validation, the database's own refusal (22021) maps the same way.
  const raw = await t.db.execute(sql`select ${'a\u0000b'}::text`).catch((e: unknown) => e);
  expect(toErrorBody(raw).code).toBe('invalid_input');
});

test('a malformed id that reaches the database (22P02) is a 422', async () => {
  const raw = await t.db.execute(sql`select ${'not-a-uuid'}::uuid`).catch((e: unknown) => e);
  expect(toErrorBody(raw)).toMatchObject({ code: 'invalid_input' });
});

pgOnly('foreign-key races on PostgreSQL', () => {
  test('booking a slot that the recruiter\'s availability edit deletes meanwhile is a specific 409 (23503)', async () => {
    const slot = await slotAt(2);
    // The recruiter's edit has deleted the slot but not committed yet…
    const editor = postgres(t.url!, { max: 1, onnotice: () => {} });
    const reserved = await editor.reserve();
    try {
      await reserved`begin`;
      await reserved`delete from slots where id = ${slot.id}`;
      // …the talent's booking read the slot before, and its insert now waits on the row lock…
      const booking = bookDirect(t.db, actor('demo-talent-03'), { slotId: slot.id }).then(
        () => undefined,
        (e: unknown) => e,
      );
      await new Promise((r) => setTimeout(r, 300));
      // …until the edit commits: the slot the booking refers to is gone.
      await reserved`commit`;
      const err = await booking;
      expect(err).toBeInstanceOf(AppError);
      expect(toErrorBody(err)).toEqual({ code: 'slot_taken', message: 'This slot was just removed by the recruiter — pick another.' });
    } finally {
      reserved.release();
      await editor.end();
    }
    expect(await t.db.select().from(chatRequests).where(eq(chatRequests.talentId, 'demo-talent-03'))).toHaveLength(0);
  });
});
