import { and, eq, ne } from 'drizzle-orm';
import { breakoutAssignments, breakoutRounds } from '@/db/schema';
import { breakoutAction } from '@/lib/breakouts/actions';
import { closeRoundIfDue } from '@/lib/breakouts/round-status';
import { AppError } from '@/lib/errors';
import { actor, demoFair } from '../helpers/chat-fixtures';
import { HOST, makeSession, talent } from '../helpers/session-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Real concurrent transactions need separate sessions: PostgreSQL only (PGlite is one session).
const pgOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;
const HOST2 = 'demo-recruiter-1-2';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
type TAny = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const act = (sessionId: string, who: string, input: TAny, now = new Date()) => breakoutAction(t.db, actor(who), sessionId, input, now) as Promise<TAny>;
const codes = (results: PromiseSettledResult<unknown>[]) =>
  results.map((r) => (r.status === 'fulfilled' ? 'ok' : r.reason instanceof AppError ? r.reason.code : `crash: ${String(r.reason)}`)).sort();
const roundRow = async (id: string) => (await t.db.select().from(breakoutRounds).where(eq(breakoutRounds.id, id)))[0]!;
let n = 0;
const newSession = () => makeSession(t.db, fair, { title: `Breakout race ${++n}`, hostIds: [HOST, HOST2] });

pgOnly('breakout races on PostgreSQL', () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    fair = await demoFair(t.db);
  }, 60_000);
  afterAll(() => t.drop(), 30_000);

  test('two hosts move the same person at once, again and again: exactly one assignment row, in one of the two rooms', async () => {
    const id = await newSession();
    const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 3, assignment: 'manual' });
    await act(id, HOST, { action: 'open', roundId, minutes: 30 });
    const [a, b, c] = roomIds as [string, string, string];
    for (let i = 0; i < 8; i++) {
      const person = talent(2 + (i % 3));
      const results = await Promise.allSettled([
        act(id, HOST, { action: 'assign', roundId, userId: person, roomId: i % 2 ? a : b }),
        act(id, HOST2, { action: 'assign', roundId, userId: person, roomId: i % 4 === 3 ? null : c }),
      ]);
      expect(codes(results)).toEqual(['ok', 'ok']);
      const rows = await t.db.select().from(breakoutAssignments).where(and(eq(breakoutAssignments.roundId, roundId), eq(breakoutAssignments.userId, person)));
      expect(rows.length).toBeLessThanOrEqual(1);
      // Whoever committed last decided: their room (or the main call), never a mix.
      const allowed = i % 4 === 3 ? [i % 2 ? a : b, undefined] : [i % 2 ? a : b, c];
      expect(allowed).toContain(rows[0]?.roomId);
    }
  });

  test('two hosts create breakout rooms at once: one round wins, the other hears a round already exists', async () => {
    const id = await newSession();
    const results = await Promise.allSettled([
      act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' }),
      act(id, HOST2, { action: 'create', roomCount: 4, assignment: 'choose' }),
    ]);
    expect(codes(results)).toEqual(['conflict', 'ok']);
    const live = await t.db.select().from(breakoutRounds).where(and(eq(breakoutRounds.sessionId, id), ne(breakoutRounds.status, 'closed')));
    expect(live).toHaveLength(1);
  });

  test('open racing close: the round ends closed either way, never open again', async () => {
    for (let i = 0; i < 5; i++) {
      const id = await newSession();
      const { roundId } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
      const results = await Promise.allSettled([act(id, HOST, { action: 'open', roundId, minutes: 10 }), act(id, HOST2, { action: 'close', roundId })]);
      // Close first: opening a closed round is refused. Open first: the close closes it.
      expect([['not_allowed_now', 'ok'], ['ok', 'ok']]).toContainEqual(codes(results));
      const row = await roundRow(roundId);
      expect([row.status, row.closedAt !== null]).toEqual(['closed', true]);
    }
  });

  test('moves racing "close all now" and the timer: a person is never assigned after the close, and the round closes once', async () => {
    const id = await newSession();
    const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
    const now = new Date();
    await act(id, HOST, { action: 'open', roundId, minutes: 1 }, now);
    const due = new Date(now.getTime() + 61_000);
    const results = await Promise.allSettled([
      act(id, HOST, { action: 'assign', roundId, userId: talent(10), roomId: roomIds[0] }),
      act(id, HOST2, { action: 'close', roundId }),
      closeRoundIfDue(t.db, roundId, due).then((o) => (o === 'closed' ? undefined : Promise.reject(new AppError('not_allowed_now', o)))),
      act(id, HOST2, { action: 'assign', roundId, userId: talent(11), roomId: roomIds[1] }),
    ]);
    const closes = [results[1]!, results[2]!].filter((r) => r.status === 'fulfilled');
    expect(closes).toHaveLength(1);
    const row = await roundRow(roundId);
    expect(row.status).toBe('closed');
    // Every move either committed before the close (and is kept as history) or was refused.
    for (const [i, who] of [[0, talent(10)], [3, talent(11)]] as const) {
      const rows = await t.db.select().from(breakoutAssignments).where(and(eq(breakoutAssignments.roundId, roundId), eq(breakoutAssignments.userId, who)));
      expect(rows.length).toBe(results[i]!.status === 'fulfilled' ? 1 : 0);
      if (results[i]!.status === 'rejected') expect((results[i] as PromiseRejectedResult).reason.code).toBe('not_allowed_now');
      if (rows[0]) expect(rows[0].assignedAt.getTime()).toBeLessThanOrEqual(row.closedAt!.getTime() + 1000);
    }
  });

  test('many participants choose rooms at once: each has one assignment, none lost', async () => {
    const id = await newSession();
    const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 3, assignment: 'choose' });
    const people = Array.from({ length: 12 }, (_, i) => talent(20 + i));
    const results = await Promise.allSettled(people.flatMap((p, i) => [act(id, p, { action: 'choose', roundId, roomId: roomIds[i % 3] }), act(id, p, { action: 'choose', roundId, roomId: roomIds[(i + 1) % 3] })]));
    expect(codes(results)).toEqual(Array(24).fill('ok'));
    const rows = await t.db.select().from(breakoutAssignments).where(eq(breakoutAssignments.roundId, roundId));
    expect(rows.map((r) => r.userId).sort()).toEqual([...people].sort());
  });
});
