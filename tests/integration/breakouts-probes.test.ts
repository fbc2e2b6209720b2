import { and, eq, inArray, isNull } from 'drizzle-orm';
import { breakoutAssignments, breakoutAttendance, breakoutBroadcasts, breakoutHostCalls, breakoutRooms, breakoutRounds } from '@/db/schema';
import { BREAKOUT_TIMER } from '@/lib/breakouts/effects';
import { reconcileBreakoutAttendance } from '@/lib/breakouts/reconcile-attendance';
import { closeRoundIfDue } from '@/lib/breakouts/round-status';
import { breakoutView } from '@/lib/breakouts/view';
import { pgError } from '@/lib/errors';
import { canSeeTopic } from '@/lib/live/access';
import { topics } from '@/lib/live/topics';
import { cancelSignUp, signUp } from '@/lib/sessions/sign-up';
import { listMessages } from '@/lib/threads';
import { useBreakoutDatabase } from '../helpers/breakout-rig';
import { actor, codeOf } from '../helpers/chat-fixtures';
import { HOST, makeSession, talent } from '../helpers/session-fixtures';
import type { TestDatabase } from '../helpers/test-db';

// A reviewer's probes of the breakout rooms: ids of another session passed with one's own, host
// actions by people who are not hosts, people who lost their seat, what the database refuses by
// itself, and the races and jobs around a close. Each fails if the check it names is removed.
const { rig, act, token, jobs } = useBreakoutDatabase();
let t: TestDatabase;
// The rig's beforeAll runs first (registration order).
beforeAll(() => {
  t = rig.t;
});

type TAny = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const readChat = (who: string, roomId: string) => listMessages(t.db, actor(who), { kind: 'breakout', ownerId: roomId });
let n = 0;
const newSession = (over: Record<string, unknown> = {}) => makeSession(t.db, rig.fair, { title: `Breakout probes ${++n}`, hostIds: [HOST], ...over });
const roundRow = async (roundId: string) => (await t.db.select().from(breakoutRounds).where(eq(breakoutRounds.id, roundId)))[0]!;

test('ids of another session passed with one’s own session: every action finds nothing, and the other round is untouched', async () => {
  // The same person hosts both sessions, so only the scoping of each id by the session can stop them.
  const mine = await newSession();
  const theirs = await newSession();
  const x = await act(mine, HOST, { action: 'create', roomCount: 2, assignment: 'choose' });
  const y = await act(theirs, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  await act(theirs, HOST, { action: 'assign', roundId: y.roundId, userId: talent(2), roomId: y.roomIds[0] });
  await act(theirs, HOST, { action: 'open', roundId: y.roundId, minutes: 10 });
  const { callId } = await act(theirs, talent(2), { action: 'call_host', roundId: y.roundId });
  const before = await roundRow(y.roundId);

  for (const input of [
    { action: 'open', roundId: y.roundId, minutes: 5 },
    { action: 'extend', roundId: y.roundId, minutes: 5 },
    { action: 'close', roundId: y.roundId },
    { action: 'broadcast', roundId: y.roundId, body: 'Wrong session' },
    { action: 'assign', roundId: y.roundId, userId: talent(3), roomId: y.roomIds[1] },
    { action: 'assign', roundId: y.roundId, userId: talent(2), roomId: null },
    { action: 'answer_call', callId },
  ]) {
    expect([input.action, await codeOf(act(mine, HOST, input))]).toEqual([input.action, 'not_found']);
  }
  expect(await codeOf(act(mine, talent(2), { action: 'call_host', roundId: y.roundId }))).toBe('not_found');
  expect(await codeOf(act(mine, talent(3), { action: 'choose', roundId: y.roundId, roomId: y.roomIds[1] }))).toBe('not_found');
  // This session's round with the other session's room: the (room, round) foreign key refuses it.
  expect(await codeOf(act(mine, talent(3), { action: 'choose', roundId: x.roundId, roomId: y.roomIds[1] }))).toBe('not_allowed_now');
  expect(await codeOf(act(mine, HOST, { action: 'assign', roundId: x.roundId, userId: talent(3), roomId: y.roomIds[0] }))).toBe('not_allowed_now');

  expect(await roundRow(y.roundId)).toEqual(before);
  const rows = await t.db.select().from(breakoutAssignments).where(eq(breakoutAssignments.roundId, y.roundId));
  expect(rows.map((r) => [r.userId, r.roomId])).toEqual([[talent(2), y.roomIds[0]]]);
  expect(await t.db.select().from(breakoutAssignments).where(eq(breakoutAssignments.roundId, x.roundId))).toEqual([]);
  expect(await t.db.select().from(breakoutBroadcasts).where(eq(breakoutBroadcasts.roundId, y.roundId))).toEqual([]);
  expect((await t.db.select().from(breakoutHostCalls).where(eq(breakoutHostCalls.id, callId)))[0]!.answeredAt).toBeNull();
});

test('host actions by a participant are refused (403), by a host of another session or an outsider hidden (404); nothing is written', async () => {
  const id = await newSession({ signUpRequired: true, capacity: '10' });
  const other = await newSession({ hostIds: ['demo-recruiter-2-1'] });
  await signUp(t.db, actor(talent(4)), id);
  await signUp(t.db, actor(talent(5)), id);
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  await act(id, HOST, { action: 'assign', roundId, userId: talent(4), roomId: roomIds[0] });
  await act(id, HOST, { action: 'open', roundId, minutes: 10 });
  const { callId } = await act(id, talent(4), { action: 'call_host', roundId });
  const before = await roundRow(roundId);
  const hostActions = [
    { action: 'create', roomCount: 2, assignment: 'manual' },
    { action: 'assign', roundId, userId: talent(5), roomId: roomIds[1] },
    { action: 'open', roundId, minutes: 5 },
    { action: 'extend', roundId, minutes: 5 },
    { action: 'close', roundId },
    { action: 'broadcast', roundId, body: 'Everyone to room 2' },
    { action: 'answer_call', callId },
  ];
  for (const input of hostActions) {
    expect([input.action, await codeOf(act(id, talent(5), input))]).toEqual([input.action, 'forbidden']);
    // A host of another session is nobody here (the session needs a sign-up they do not have).
    expect([input.action, await codeOf(act(id, 'demo-recruiter-2-1', input))]).toEqual([input.action, 'not_found']);
    expect([input.action, await codeOf(act(id, talent(6), input))]).toEqual([input.action, 'not_found']);
  }
  // The host of another session passing this round through their own session finds nothing.
  expect(await codeOf(act(other, 'demo-recruiter-2-1', { action: 'close', roundId }))).toBe('not_found');
  expect(await roundRow(roundId)).toEqual(before);
  expect((await t.db.select().from(breakoutAssignments).where(eq(breakoutAssignments.roundId, roundId))).map((r) => r.userId)).toEqual([talent(4)]);
  expect(await t.db.select().from(breakoutBroadcasts).where(eq(breakoutBroadcasts.roundId, roundId))).toEqual([]);
  expect((await t.db.select().from(breakoutHostCalls).where(eq(breakoutHostCalls.id, callId)))[0]!.answeredAt).toBeNull();
  // Nor may the host of another session follow this session's breakouts or enter its rooms.
  expect(await canSeeTopic(t.db, actor('demo-recruiter-2-1'), topics.breakouts(id))).toBe(false);
  expect(await codeOf(token('demo-recruiter-2-1', roomIds[0]))).toBe('not_found');
  expect(await codeOf(readChat('demo-recruiter-2-1', roomIds[0]))).toBe('not_found');
});

test('waitlisted and cancelled sign-ups: no view, no live topic, no room token, no room chat — even with an assignment left over', async () => {
  const id = await newSession({ signUpRequired: true, capacity: '1' });
  await signUp(t.db, actor(talent(7)), id);
  expect((await signUp(t.db, actor(talent(8)), id)).status).toBe('waitlisted');
  expect((await signUp(t.db, actor(talent(9)), id)).status).toBe('waitlisted');
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  // A host cannot put someone from the waiting list in a room.
  expect(await codeOf(act(id, HOST, { action: 'assign', roundId, userId: talent(8), roomId: roomIds[0] }))).toBe('invalid_input');
  await act(id, HOST, { action: 'assign', roundId, userId: talent(7), roomId: roomIds[0] });
  await act(id, HOST, { action: 'open', roundId, minutes: 10 });
  expect((await token(talent(7), roomIds[0])).role).toBe('member');
  // talent 7 gives up their seat; talent 8 moves up from the list, talent 9 stays on it.
  await cancelSignUp(t.db, actor(talent(7)), id);
  for (const who of [talent(7), talent(9)]) {
    expect(await codeOf(breakoutView(t.db, actor(who), id))).toBe('not_found');
    expect(await canSeeTopic(t.db, actor(who), topics.breakouts(id))).toBe(false);
    expect(await canSeeTopic(t.db, actor(who), topics.thread('breakout', roomIds[0]))).toBe(false);
    expect(await codeOf(token(who, roomIds[0]))).toBe('not_found');
    expect(await codeOf(readChat(who, roomIds[0]))).toBe('not_found');
    expect(await codeOf(act(id, who, { action: 'call_host', roundId }))).toBe('not_found');
  }
  // The one who gave up their seat leaves their room: hosts no longer see them there.
  const hosts = await breakoutView(t.db, actor(HOST), id);
  expect(hosts.round!.rooms.flatMap((r) => r.members.map((m) => m.id))).toEqual([]);
  expect(hosts.round!.unassigned.map((p) => p.id)).toEqual([talent(8)]);
});

test('a participant’s view holds their own room’s people and who is connected there, nothing of the other rooms', async () => {
  const id = await newSession();
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  const [a, b] = roomIds as [string, string];
  await act(id, HOST, { action: 'assign', roundId, userId: talent(10), roomId: a });
  await act(id, HOST, { action: 'assign', roundId, userId: talent(11), roomId: b });
  await act(id, HOST, { action: 'open', roundId, minutes: 10 });
  await t.db.insert(breakoutAttendance).values([
    { participantSid: 'PA_probe_10', roomId: a, userId: talent(10), joinedAt: new Date() },
    { participantSid: 'PA_probe_11', roomId: b, userId: talent(11), joinedAt: new Date() },
  ]);
  const mine = await breakoutView(t.db, actor(talent(10)), id);
  const seen = JSON.stringify(mine);
  expect(seen).not.toContain(talent(11));
  expect(mine.round!.rooms.map((r) => [r.members.map((m) => m.id), r.present.map((m) => m.id), r.memberCount])).toEqual([
    [[talent(10)], [talent(10)], 1],
    [[], [], 1],
  ]);
  // Someone of the event who is in no room sees the rooms and their sizes, no people at all.
  const outside = await breakoutView(t.db, actor(talent(12)), id);
  expect(JSON.stringify(outside)).not.toMatch(/demo-talent-1[01]/);
});

test('the database itself: a room belongs to its round’s session, a round never goes back, a closed round’s assignments are frozen', async () => {
  const mine = await newSession();
  const theirs = await newSession();
  const x = await act(mine, HOST, { action: 'create', roomCount: 1, assignment: 'manual' });
  await act(mine, HOST, { action: 'assign', roundId: x.roundId, userId: talent(13), roomId: x.roomIds[0] });
  // The constraint PostgreSQL (postgres.js or PGlite) names, or a trigger's message.
  const pgCode = async (p: Promise<unknown>) => {
    const e = await p.then(() => undefined, (err: unknown) => err);
    if (e === undefined) return 'accepted';
    const pg = pgError(e) as { constraint_name?: string; constraint?: string; message?: string } | undefined;
    return pg?.constraint_name ?? pg?.constraint ?? pg?.message ?? String(e);
  };
  // A room of this round that says it is another session's (whose hosts would then run it).
  expect(await pgCode(t.db.insert(breakoutRooms).values({ roundId: x.roundId, sessionId: theirs, position: 2, name: 'Smuggled' }))).toMatch(/breakout_rooms_round_session_fk/);
  expect(await pgCode(t.db.update(breakoutRooms).set({ sessionId: theirs }).where(eq(breakoutRooms.roundId, x.roundId)))).toMatch(/breakout_rooms_round_session_fk/);
  await act(mine, HOST, { action: 'open', roundId: x.roundId, minutes: 5 });
  expect(await pgCode(t.db.update(breakoutRounds).set({ status: 'draft' }).where(eq(breakoutRounds.id, x.roundId)))).toMatch(/cannot go from open to draft/);
  await act(mine, HOST, { action: 'close', roundId: x.roundId });
  expect(await pgCode(t.db.update(breakoutAssignments).set({ userId: talent(14) }).where(eq(breakoutAssignments.roundId, x.roundId)))).toMatch(/breakout rooms are closed/);
});

// Real concurrent transactions need separate sessions: PostgreSQL only (PGlite is one session).
const pgOnly = process.env.TEST_DATABASE_URL ? test : test.skip;

pgOnly('"call the host" waits for a close in progress and is refused by it, instead of landing in a closed round', async () => {
  const id = await newSession();
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 1, assignment: 'manual' });
  await act(id, HOST, { action: 'assign', roundId, userId: talent(15), roomId: roomIds[0] });
  await act(id, HOST, { action: 'open', roundId, minutes: 5 });
  let call: Promise<string> | undefined;
  await t.db.transaction(async (tx) => {
    // A close holding the round's lock, not yet committed, while the participant calls.
    await tx.select().from(breakoutRounds).where(eq(breakoutRounds.id, roundId)).for('no key update');
    await tx.update(breakoutRounds).set({ status: 'closed', closedAt: new Date() }).where(eq(breakoutRounds.id, roundId));
    call = codeOf(act(id, talent(15), { action: 'call_host', roundId }));
    await new Promise((r) => setTimeout(r, 300));
  });
  expect(await call).toBe('not_allowed_now');
  expect(await t.db.select().from(breakoutHostCalls).where(eq(breakoutHostCalls.roundId, roundId))).toEqual([]);
});

test('attendance reconciliation leaves alone someone who joined while LiveKit was being asked, and skips a room it cannot list', async () => {
  const id = await newSession();
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  const [a, b] = roomIds as [string, string];
  for (const [who, room] of [[talent(16), a], [talent(17), a], [talent(18), b]] as const) await act(id, HOST, { action: 'assign', roundId, userId: who, roomId: room });
  await act(id, HOST, { action: 'open', roundId, minutes: 10 });
  const long = new Date(Date.now() - 5 * 60_000);
  await t.db.insert(breakoutAttendance).values([
    { participantSid: 'PA_rec_16', roomId: a, userId: talent(16), joinedAt: long },
    { participantSid: 'PA_rec_18', roomId: b, userId: talent(18), joinedAt: long },
  ]);
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  const list = async (room: string) => {
    if (room === `breakout-${b}`) throw new Error('LiveKit is restarting');
    // talent 17's join webhook is recorded while LiveKit answers with the room as it was.
    if (room === `breakout-${a}`) await t.db.insert(breakoutAttendance).values({ participantSid: 'PA_rec_17', roomId: a, userId: talent(17), joinedAt: new Date() });
    return [];
  };
  expect(await reconcileBreakoutAttendance(t.db, new Date(), list)).toBeGreaterThanOrEqual(1);
  warn.mockRestore();
  const open = await t.db.select({ sid: breakoutAttendance.participantSid }).from(breakoutAttendance).where(and(inArray(breakoutAttendance.roomId, [a, b]), isNull(breakoutAttendance.leftAt)));
  expect(open.map((r) => r.sid).sort()).toEqual(['PA_rec_17', 'PA_rec_18']);
});

test('the timer closes its round even when this instance’s clock trails the database’s; the timer of an end since extended still does nothing', async () => {
  const id = await newSession();
  const { roundId } = await act(id, HOST, { action: 'create', roomCount: 1, assignment: 'choose' });
  const now = new Date();
  const at = (m: number, lagMs = 0) => new Date(now.getTime() + m * 60_000 - lagMs);
  await act(id, HOST, { action: 'open', roundId, minutes: 10 }, now);
  await act(id, HOST, { action: 'extend', roundId, minutes: 5 }, now);
  const timers = (await jobs(BREAKOUT_TIMER)).filter((j) => j.data.roundId === roundId);
  expect(timers.map((j) => j.data.endsAt)).toEqual([at(10).toISOString(), at(15).toISOString()]);
  // pg-boss starts each job by the database's clock; ours reads two seconds earlier.
  expect(await closeRoundIfDue(t.db, roundId, at(10, 2000), at(10))).toBe('not_due');
  expect(await closeRoundIfDue(t.db, roundId, at(15, 2000), at(15))).toBe('closed');
  expect((await roundRow(roundId)).closedAt).toEqual(at(15));
  expect(await closeRoundIfDue(t.db, roundId, at(15, 1000), at(15))).toBe('not_open');
});

test('an open "call the host" follows its caller: moved to another room, the hosts are sent there; back in the main call, it is dropped', async () => {
  const id = await newSession();
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'choose' });
  const [a, b] = roomIds as [string, string];
  await act(id, talent(19), { action: 'choose', roundId, roomId: a });
  await act(id, HOST, { action: 'open', roundId, minutes: 10 });
  const { callId } = await act(id, talent(19), { action: 'call_host', roundId });
  await act(id, talent(19), { action: 'choose', roundId, roomId: b });
  expect((await breakoutView(t.db, actor(HOST), id)).round!.calls.map((c) => [c.id, c.roomId, c.roomName])).toEqual([[callId, b, 'Room 2']]);
  expect(await act(id, HOST, { action: 'answer_call', callId })).toEqual({ roomId: b });
  await act(id, talent(19), { action: 'call_host', roundId });
  await act(id, HOST, { action: 'assign', roundId, userId: talent(19), roomId: null });
  expect((await breakoutView(t.db, actor(HOST), id)).round!.calls).toEqual([]);
});
