import { and, eq } from 'drizzle-orm';
import { TokenVerifier, WebhookReceiver } from 'livekit-server-sdk';
import { breakoutAssignments, breakoutAttendance, breakoutRounds, eventSessions, sessionAttendance } from '@/db/schema';
import { BREAKOUT_REMOVE_PARTICIPANT, BREAKOUT_TIMER } from '@/lib/breakouts/effects';
import { breakoutHistory } from '@/lib/breakouts/history';
import { reconcileBreakoutAttendance } from '@/lib/breakouts/reconcile-attendance';
import { closeRoundIfDue } from '@/lib/breakouts/round-status';
import { breakoutView } from '@/lib/breakouts/view';
import { AppError, appErrorOf } from '@/lib/errors';
import { VIDEO_CLOSE_ROOM } from '@/lib/jobs/video-jobs';
import { canSeeTopic } from '@/lib/live/access';
import { topics } from '@/lib/live/topics';
import { accessTo, issueRoomToken, recordRoomEvent } from '@/lib/resources';
import { cancelSession, updateSession } from '@/lib/sessions/save-session';
import { signUp } from '@/lib/sessions/sign-up';
import { listMessages, postMessage } from '@/lib/threads';
import { failure, useBreakoutDatabase } from '../helpers/breakout-rig';
import { actor, codeOf } from '../helpers/chat-fixtures';
import { LIVEKIT_TEST, signWebhook, webhookBody } from '../helpers/livekit';
import { HOST, ORGANIZER, makeSession, talent } from '../helpers/session-fixtures';
import type { TestDatabase } from '../helpers/test-db';

const { rig, act, token, jobs } = useBreakoutDatabase();
let t: TestDatabase;
let fair: typeof rig.fair;
// The rig's beforeAll runs first (registration order).
beforeAll(() => {
  ({ t, fair } = rig);
});

type TAny = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const view = (sessionId: string, who: string) => breakoutView(t.db, actor(who), sessionId);
const present = (sessionId: string, ids: string[]) =>
  t.db.insert(sessionAttendance).values(ids.map((userId, i) => ({ participantSid: `PA_${sessionId.slice(0, 8)}_${i}`, sessionId, userId, joinedAt: new Date() })));
let n = 0;
const newSession = (over: Record<string, unknown> = {}) => makeSession(t.db, fair, { title: `Breakouts ${++n}`, hostIds: [HOST, 'demo-recruiter-1-2'], ...over });

test('auto-assign of those present: an even split in a fixed order, hosts and organizers left out', async () => {
  const id = await newSession();
  const people = [2, 3, 4, 5, 6, 7, 8].map(talent);
  await present(id, [...people, HOST, 'demo-organizer']);
  const { roundId, roomIds, assigned } = await act(id, HOST, { action: 'create', roomCount: 3, assignment: 'auto_present' });
  expect(assigned).toBe(7);
  const v = await view(id, HOST);
  expect(v.round).toMatchObject({ id: roundId, status: 'draft', assignment: 'auto_present', myRoomId: null, unassigned: [] });
  expect(v.round!.rooms.map((r) => [r.name, r.memberCount])).toEqual([['Room 1', 3], ['Room 2', 2], ['Room 3', 2]]);
  const everyone = v.round!.rooms.flatMap((r) => r.members.map((m) => m.id)).sort();
  expect(everyone).toEqual([...people].sort());
  // The same people in the same order land in the same rooms: discard the draft and split again.
  await act(id, HOST, { action: 'close', roundId });
  const again = await act(id, HOST, { action: 'create', roomCount: 3, assignment: 'auto_present' });
  const v2 = await view(id, HOST);
  expect(v2.round!.id).toBe(again.roundId);
  expect(v2.round!.rooms.map((r) => r.members.map((m) => m.id))).toEqual(v.round!.rooms.map((r) => r.members.map((m) => m.id)));
  expect(roomIds).toHaveLength(3);
});

test('auto-assign of everyone signed up, with names; the organizer’s maximum of rooms holds', async () => {
  const id = await newSession({ signUpRequired: true, capacity: '20', breakoutRoomLimit: '2' });
  for (const n of [10, 11, 12, 13, 14]) await signUp(t.db, actor(talent(n)), id);
  const tooMany = await failure(act(id, HOST, { action: 'create', roomCount: 3, assignment: 'auto_registered' }));
  expect([tooMany.code, tooMany.fieldErrors?.roomCount]).toEqual(['invalid_input', 'This session allows at most 2 breakout rooms.']);
  await act(id, HOST, { action: 'create', roomCount: 2, names: ['Analysts', 'Engineers'], assignment: 'auto_registered' });
  const v = await view(id, HOST);
  expect(v.maxRooms).toBe(2);
  expect(v.round!.rooms.map((r) => [r.name, r.memberCount])).toEqual([['Analysts', 3], ['Engineers', 2]]);
  // The session form keeps the maximum within 1–50.
  const form = { title: 'x limit', kind: 'workshop', companyId: '', date: fair.day.date, startTime: '10:00', endTime: '11:00', capacity: '', hostIds: [HOST] };
  const err = await failure(updateSession(t.db, ORGANIZER, id, { ...form, breakoutRoomLimit: '0' }));
  expect(err.fieldErrors?.breakoutRoomLimit).toBe('Allow at least 1 breakout room');
});

test('assigning by hand: one row per person, moved and sent back; hosts, outsiders and participants are refused', async () => {
  const id = await newSession({ signUpRequired: true, capacity: '20' });
  await signUp(t.db, actor(talent(15)), id);
  await signUp(t.db, actor(talent(16)), id);
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  const [a, b] = roomIds as [string, string];
  expect((await view(id, HOST)).round!.unassigned.map((p) => p.id).sort()).toEqual([talent(15), talent(16)]);
  await act(id, HOST, { action: 'assign', roundId, userId: talent(15), roomId: a });
  await act(id, 'demo-recruiter-1-2', { action: 'assign', roundId, userId: talent(15), roomId: b });
  await act(id, HOST, { action: 'assign', roundId, userId: talent(16), roomId: a });
  const rows = await t.db.select().from(breakoutAssignments).where(eq(breakoutAssignments.roundId, roundId));
  expect(rows.map((r) => [r.userId, r.roomId]).sort()).toEqual([[talent(15), b], [talent(16), a]]);
  // A participant sees the rooms and counts, and the people of their own room only.
  const mine = await view(id, talent(15));
  expect(mine.canManage).toBe(false);
  expect(mine.round!.myRoomId).toBe(b);
  expect(mine.round!.rooms.map((r) => [r.memberCount, r.members.length])).toEqual([[1, 0], [1, 1]]);
  expect([mine.round!.unassigned, mine.round!.calls]).toEqual([[], []]);
  await act(id, HOST, { action: 'assign', roundId, userId: talent(15), roomId: null });
  expect((await view(id, talent(15))).round!.myRoomId).toBeNull();

  expect((await failure(act(id, HOST, { action: 'assign', roundId, userId: 'demo-recruiter-1-2', roomId: a }))).code).toBe('invalid_input');
  // Someone of the event who did not sign up is not in this session.
  expect((await failure(act(id, HOST, { action: 'assign', roundId, userId: talent(17), roomId: a }))).code).toBe('invalid_input');
  expect(await codeOf(act(id, talent(17), { action: 'create', roomCount: 1, assignment: 'manual' }))).toBe('not_found');
  expect(await codeOf(view(id, talent(17)))).toBe('not_found');
  expect(await codeOf(act(id, talent(16), { action: 'assign', roundId, userId: talent(16), roomId: b }))).toBe('forbidden');
  // A room of another round is refused by the (room, round) foreign key.
  const other = await newSession();
  const otherRound = await act(other, HOST, { action: 'create', roomCount: 1, assignment: 'manual' });
  expect(await codeOf(act(id, HOST, { action: 'assign', roundId, userId: talent(16), roomId: otherRound.roomIds[0] }))).toBe('not_allowed_now');
  // A second round while this one is not closed: the partial unique index says no.
  const second = await failure(act(id, HOST, { action: 'create', roomCount: 1, assignment: 'manual' }));
  expect([second.code, second.message]).toEqual(['conflict', 'This session already has breakout rooms — close them before creating new ones.']);
});

test('letting participants choose: only in a "choose" round, and only for themselves', async () => {
  const id = await newSession();
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'choose' });
  await act(id, talent(20), { action: 'choose', roundId, roomId: roomIds[1] });
  await act(id, talent(20), { action: 'choose', roundId, roomId: roomIds[0] });
  expect((await view(id, talent(20))).round!.myRoomId).toBe(roomIds[0]);
  expect(await codeOf(act(id, HOST, { action: 'choose', roundId, roomId: roomIds[0] }))).toBe('not_allowed_now');
  await act(id, HOST, { action: 'close', roundId });
  const manual = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  expect(await codeOf(act(id, talent(20), { action: 'choose', roundId: manual.roundId, roomId: manual.roomIds[0] }))).toBe('forbidden');
});

test('open, extend, close: the timer job is written with the open and each extension; close deletes every LiveKit room', async () => {
  const id = await newSession();
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  const now = new Date();
  const opened = await act(id, HOST, { action: 'open', roundId, minutes: 15 }, now);
  expect(opened.endsAt).toBe(new Date(now.getTime() + 15 * 60_000).toISOString());
  expect(await codeOf(act(id, HOST, { action: 'open', roundId, minutes: 15 }))).toBe('not_allowed_now');
  const extended = await act(id, HOST, { action: 'extend', roundId, minutes: 5 }, now);
  expect(extended.endsAt).toBe(new Date(now.getTime() + 20 * 60_000).toISOString());
  const timers = (await jobs(BREAKOUT_TIMER)).filter((j) => j.data.roundId === roundId);
  expect(timers.map((j) => new Date(j.start_after).toISOString())).toEqual([opened.endsAt, extended.endsAt]);
  const v = await view(id, talent(3));
  expect(v.round).toMatchObject({ status: 'open', endsAt: extended.endsAt });
  expect(await codeOf(act(id, talent(3), { action: 'close', roundId }))).toBe('forbidden');

  await act(id, 'demo-organizer', { action: 'close', roundId });
  expect((await view(id, HOST)).round).toBeNull();
  const closing = (await jobs(VIDEO_CLOSE_ROOM)).map((j) => j.data.room);
  expect(closing).toEqual(expect.arrayContaining(roomIds.map((r: string) => `breakout-${r}`)));
  expect(await codeOf(act(id, HOST, { action: 'extend', roundId, minutes: 5 }))).toBe('not_allowed_now');
  expect(await codeOf(act(id, HOST, { action: 'close', roundId }))).toBe('not_allowed_now');
  // The database keeps the state machine even for a write that skips the use-cases.
  // A session that has ended opens no more rooms.
  const over = await newSession();
  const again = await act(over, HOST, { action: 'create', roomCount: 1, assignment: 'choose' });
  await t.db.update(eventSessions).set({ startsAt: new Date(Date.now() - 2 * 3600_000), endsAt: new Date(Date.now() - 3600_000) }).where(eq(eventSessions.id, over));
  expect((await failure(act(over, HOST, { action: 'open', roundId: again.roundId, minutes: 5 }))).message).toMatch(/has ended/);
  const bypass = await t.db.update(breakoutRounds).set({ status: 'open' }).where(eq(breakoutRounds.id, roundId)).then(() => 'ok', (e: unknown) => appErrorOf(e)?.code);
  expect(bypass).toBe('not_allowed_now');
});

test('the timer stops at the session’s end: open and extend clamp to it and say so; the database refuses a later end', async () => {
  const now = new Date();
  const at = (m: number) => new Date(now.getTime() + m * 60_000);
  const id = await newSession();
  await t.db.update(eventSessions).set({ startsAt: at(-30), endsAt: at(12) }).where(eq(eventSessions.id, id));
  const { roundId } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  expect((await view(id, HOST)).sessionEndsAt).toBe(at(12).toISOString());
  // 15 minutes asked, 12 left: the rooms close with the session, and the timer job is written for then.
  expect(await act(id, HOST, { action: 'open', roundId, minutes: 15 }, now)).toEqual({ endsAt: at(12).toISOString(), untilSessionEnd: true });
  expect((await jobs(BREAKOUT_TIMER)).filter((j) => j.data.roundId === roundId).map((j) => new Date(j.start_after).toISOString())).toEqual([at(12).toISOString()]);
  const refused = await failure(act(id, HOST, { action: 'extend', roundId, minutes: 5 }, at(1)));
  expect([refused.code, refused.message]).toEqual(['not_allowed_now', 'The rooms already stay open until the session ends; they cannot run longer than the session.']);
  await act(id, HOST, { action: 'close', roundId });

  // Extending within the time left is exact; past it, it stops at the end.
  const next = await act(id, HOST, { action: 'create', roomCount: 1, assignment: 'choose' });
  expect(await act(id, HOST, { action: 'open', roundId: next.roundId, minutes: 5 }, now)).toEqual({ endsAt: at(5).toISOString(), untilSessionEnd: false });
  expect(await act(id, HOST, { action: 'extend', roundId: next.roundId, minutes: 4 }, now)).toEqual({ endsAt: at(9).toISOString(), untilSessionEnd: false });
  expect(await act(id, HOST, { action: 'extend', roundId: next.roundId, minutes: 10 }, now)).toEqual({ endsAt: at(12).toISOString(), untilSessionEnd: true });
  expect((await view(id, talent(3))).round).toMatchObject({ status: 'open', endsAt: at(12).toISOString() });

  // A write that skips the use-cases cannot move the end past the session's either.
  const bypass = await t.db.update(breakoutRounds).set({ endsAt: at(13) }).where(eq(breakoutRounds.id, next.roundId)).then(() => undefined, (e: unknown) => appErrorOf(e));
  expect([bypass?.code, bypass?.message]).toEqual(['not_allowed_now', 'Breakout rooms cannot stay open after the session ends. Pick fewer minutes.']);

  // Once the session is over, the rooms can be neither extended nor opened.
  expect((await failure(act(id, HOST, { action: 'extend', roundId: next.roundId, minutes: 5 }, at(12)))).message).toBe('This session has ended; its breakout rooms cannot open or run any longer.');
  await act(id, HOST, { action: 'close', roundId: next.roundId });
  const late = await act(id, HOST, { action: 'create', roomCount: 1, assignment: 'choose' });
  const over = await failure(act(id, HOST, { action: 'open', roundId: late.roundId, minutes: 5 }, at(12)));
  expect([over.code, over.message]).toEqual(['not_allowed_now', 'This session has ended; its breakout rooms cannot open or run any longer.']);
});

test('the timer closes the round only when it is due, and only once; an extension outlives the first timer', async () => {
  const id = await newSession();
  const { roundId } = await act(id, HOST, { action: 'create', roomCount: 1, assignment: 'choose' });
  const now = new Date();
  await act(id, HOST, { action: 'open', roundId, minutes: 10 }, now);
  await act(id, HOST, { action: 'extend', roundId, minutes: 5 }, now);
  const at = (m: number) => new Date(now.getTime() + m * 60_000);
  expect(await closeRoundIfDue(t.db, roundId, at(9))).toBe('not_due');
  // The first timer fires at +10 min; the extension moved the end to +15.
  expect(await closeRoundIfDue(t.db, roundId, at(10))).toBe('not_due');
  expect((await view(id, HOST)).round!.status).toBe('open');
  expect(await closeRoundIfDue(t.db, roundId, at(15))).toBe('closed');
  expect(await closeRoundIfDue(t.db, roundId, at(16))).toBe('not_open');
  const [round] = await t.db.select().from(breakoutRounds).where(eq(breakoutRounds.id, roundId));
  expect([round!.status, round!.closedAt?.toISOString()]).toEqual(['closed', at(15).toISOString()]);
});

test('tokens: a participant gets one for their own room only, while the rooms are open; never after close', async () => {
  const id = await newSession();
  // The session runs now, so its main room is open too.
  const start = new Date(Date.now() - 5 * 60_000);
  await t.db.update(eventSessions).set({ startsAt: start, endsAt: new Date(start.getTime() + 60 * 60_000) }).where(eq(eventSessions.id, id));
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  const [a, b] = roomIds as [string, string];
  await act(id, HOST, { action: 'assign', roundId, userId: talent(21), roomId: a });
  // Draft: assigned, but not open yet — not even the hosts get in.
  expect(await codeOf(token(talent(21), a))).toBe('not_found');
  expect((await failure(token(HOST, a))).message).toBe('The breakout rooms have not opened yet.');
  await act(id, HOST, { action: 'open', roundId, minutes: 10 });
  const mine = await token(talent(21), a);
  const grant = await new TokenVerifier(LIVEKIT_TEST.apiKey, LIVEKIT_TEST.apiSecret).verify(mine.token);
  expect(grant.video).toMatchObject({ room: `breakout-${a}`, canPublish: true });
  expect(mine.role).toBe('member');
  // Another room: refused as if it did not exist. Unassigned: no room at all. The main room stays open to them.
  expect(await codeOf(token(talent(21), b))).toBe('not_found');
  expect(await codeOf(token(talent(22), a))).toBe('not_found');
  expect((await issueRoomToken(t.db, actor(talent(21)), { kind: 'session', id }, new Date(), LIVEKIT_TEST)).roomName).toBe(`session-${id}`);
  expect((await token(HOST, b)).role).toBe('host');
  expect((await token('demo-organizer', b)).role).toBe('host');

  await act(id, HOST, { action: 'close', roundId });
  expect(await codeOf(token(talent(21), a))).toBe('not_found');
  expect((await failure(token(HOST, a))).message).toBe('The breakout rooms are closed.');
});

test('room chat: served to its members and the hosts only; a moved person loses the old room’s chat and gets the new one', async () => {
  const id = await newSession();
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  const [a, b] = roomIds as [string, string];
  await act(id, HOST, { action: 'assign', roundId, userId: talent(23), roomId: a });
  await act(id, HOST, { action: 'assign', roundId, userId: talent(24), roomId: b });
  await act(id, HOST, { action: 'open', roundId, minutes: 10 });
  const read = (who: string, room: string) => listMessages(t.db, actor(who), { kind: 'breakout', ownerId: room });
  await postMessage(t.db, actor(talent(23)), { kind: 'breakout', ownerId: a, body: 'Hello room A' });
  expect((await read(talent(23), a)).items.map((m) => m.body)).toEqual(['Hello room A']);
  expect((await read(HOST, a)).canModerate).toBe(true);
  expect(await codeOf(read(talent(24), a))).toBe('not_found');
  expect(await codeOf(postMessage(t.db, actor(talent(24)), { kind: 'breakout', ownerId: a, body: 'Let me in' }))).toBe('not_found');
  expect(await canSeeTopic(t.db, actor(talent(24)), topics.thread('breakout', a))).toBe(false);

  await act(id, 'demo-recruiter-1-2', { action: 'assign', roundId, userId: talent(23), roomId: b });
  expect(await codeOf(read(talent(23), a))).toBe('not_found');
  expect(await canSeeTopic(t.db, actor(talent(23)), topics.thread('breakout', a))).toBe(false);
  expect(await canSeeTopic(t.db, actor(talent(23)), topics.thread('breakout', b))).toBe(true);
  expect((await read(talent(23), b)).canPost).toBe(true);
  // Moving out of a room of an open round disconnects them from its LiveKit room (a job).
  expect((await jobs(BREAKOUT_REMOVE_PARTICIPANT)).map((j) => j.data)).toContainEqual({ roomId: a, userId: talent(23) });
  await act(id, HOST, { action: 'close', roundId });
  expect(await codeOf(read(talent(23), b))).toBe('not_found');
  // The hosts keep reading the closed room's chat; nobody writes in it any more.
  expect((await read(HOST, b)).canPost).toBe(false);
  expect(await codeOf(postMessage(t.db, actor(HOST), { kind: 'breakout', ownerId: b, body: 'Anyone?' }))).toBe('not_allowed_now');
});

test('a broadcast lands in every room’s chat and as a banner; only hosts send it, only while rooms are open', async () => {
  const id = await newSession();
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 3, assignment: 'manual' });
  expect(await codeOf(act(id, HOST, { action: 'broadcast', roundId, body: 'Too early' }))).toBe('not_allowed_now');
  await act(id, HOST, { action: 'assign', roundId, userId: talent(25), roomId: roomIds[2] });
  await act(id, HOST, { action: 'open', roundId, minutes: 10 });
  expect(await codeOf(act(id, talent(25), { action: 'broadcast', roundId, body: 'Hi all' }))).toBe('forbidden');
  expect((await failure(act(id, HOST, { action: 'broadcast', roundId, body: '   ' }))).fieldErrors?.body).toBe('Write a message to send to every room');
  const { broadcastId } = await act(id, HOST, { action: 'broadcast', roundId, body: 'Two minutes left — wrap up' });
  for (const room of roomIds) {
    expect((await listMessages(t.db, actor(HOST), { kind: 'breakout', ownerId: room })).items.map((m) => [m.body, m.authorId])).toEqual([['Two minutes left — wrap up', HOST]]);
  }
  const v = await view(id, talent(25));
  expect(v.round!.broadcasts).toEqual([{ id: broadcastId, body: 'Two minutes left — wrap up', at: expect.any(String), by: expect.any(String) }]);
  expect((await listMessages(t.db, actor(talent(25)), { kind: 'breakout', ownerId: roomIds[2] })).items).toHaveLength(1);
});

test('call the host: every host sees it with the room’s name; one open call per person; a host clicks through to the room', async () => {
  const id = await newSession();
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, names: ['Blue', 'Green'], assignment: 'manual' });
  await act(id, HOST, { action: 'assign', roundId, userId: talent(26), roomId: roomIds[1] });
  expect(await codeOf(act(id, talent(26), { action: 'call_host', roundId }))).toBe('not_allowed_now');
  await act(id, HOST, { action: 'open', roundId, minutes: 10 });
  expect(await codeOf(act(id, talent(27), { action: 'call_host', roundId }))).toBe('not_allowed_now');
  const { callId } = await act(id, talent(26), { action: 'call_host', roundId });
  expect((await failure(act(id, talent(26), { action: 'call_host', roundId }))).code).toBe('conflict');
  for (const host of [HOST, 'demo-recruiter-1-2', 'demo-organizer']) {
    expect((await view(id, host)).round!.calls).toEqual([{ id: callId, roomId: roomIds[1], roomName: 'Green', by: { id: talent(26), name: expect.any(String) }, at: expect.any(String) }]);
  }
  expect((await view(id, talent(26))).round!.calls).toEqual([]);
  expect(await codeOf(act(id, talent(26), { action: 'answer_call', callId }))).toBe('forbidden');
  expect(await act(id, 'demo-recruiter-1-2', { action: 'answer_call', callId })).toEqual({ roomId: roomIds[1] });
  // A second host clicking the same call still goes to the room.
  expect(await act(id, HOST, { action: 'answer_call', callId })).toEqual({ roomId: roomIds[1] });
  expect((await view(id, HOST)).round!.calls).toEqual([]);
  expect(await codeOf(act(id, talent(26), { action: 'call_host', roundId }))).toBe('ok');
});

test('earlier rounds: hosts see each closed round’s rooms, who was where and its calls, answered or not; discarded drafts are left out', async () => {
  const id = await newSession();
  expect(await breakoutHistory(t.db, actor(HOST), id)).toEqual({ rounds: [] });
  const first = await act(id, HOST, { action: 'create', roomCount: 2, names: ['Blue', 'Green'], assignment: 'manual' });
  await act(id, HOST, { action: 'assign', roundId: first.roundId, userId: talent(30), roomId: first.roomIds[0] });
  await act(id, HOST, { action: 'assign', roundId: first.roundId, userId: talent(31), roomId: first.roomIds[1] });
  await act(id, HOST, { action: 'open', roundId: first.roundId, minutes: 10 });
  const answered = await act(id, talent(30), { action: 'call_host', roundId: first.roundId });
  await act(id, HOST, { action: 'answer_call', callId: answered.callId });
  const missed = await act(id, talent(31), { action: 'call_host', roundId: first.roundId });
  await act(id, HOST, { action: 'close', roundId: first.roundId });
  // A draft discarded without opening never happened.
  const draft = await act(id, HOST, { action: 'create', roomCount: 1, assignment: 'choose' });
  await act(id, HOST, { action: 'close', roundId: draft.roundId });
  // The live round is not history yet.
  const live = await act(id, HOST, { action: 'create', roomCount: 1, assignment: 'choose' });
  await act(id, HOST, { action: 'open', roundId: live.roundId, minutes: 10 });

  const history = await breakoutHistory(t.db, actor('demo-organizer'), id);
  expect(history.rounds.map((r) => r.id)).toEqual([first.roundId]);
  const [round] = history.rounds;
  expect(round!.rooms.map((r) => [r.name, r.members.map((m) => m.id)])).toEqual([['Blue', [talent(30)]], ['Green', [talent(31)]]]);
  expect(round!.calls.map((c) => [c.id, c.roomName, c.by.id, !!c.answeredAt, c.answeredBy])).toEqual([
    [answered.callId, 'Blue', talent(30), true, expect.any(String)],
    [missed.callId, 'Green', talent(31), false, null],
  ]);
  expect(Date.parse(round!.closedAt)).toBeGreaterThanOrEqual(Date.parse(round!.openedAt));
  // Participants and people outside the session get nothing.
  expect(await codeOf(breakoutHistory(t.db, actor(talent(30)), id))).toBe('forbidden');
  expect(await codeOf(breakoutHistory(t.db, actor(talent(30)), '00000000-0000-4000-8000-000000000000'))).toBe('not_found');
});

test('LiveKit webhooks of a breakout room record its attendance; the view shows who is connected; close ends it', async () => {
  const id = await newSession();
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  await act(id, HOST, { action: 'assign', roundId, userId: talent(28), roomId: roomIds[0] });
  await act(id, HOST, { action: 'open', roundId, minutes: 10 });
  const receiver = new WebhookReceiver(LIVEKIT_TEST.apiKey, LIVEKIT_TEST.apiSecret);
  const body = webhookBody({ event: 'participant_joined', room: `breakout-${roomIds[0]}`, identity: talent(28), sid: 'PA_bo_28', at: new Date() });
  expect(await recordRoomEvent(t.db, await receiver.receive(body, await signWebhook(body)))).toBe('recorded');
  // Someone not assigned to the room is not recorded in it.
  const stranger = webhookBody({ event: 'participant_joined', room: `breakout-${roomIds[0]}`, identity: talent(29), sid: 'PA_bo_29', at: new Date() });
  await recordRoomEvent(t.db, await receiver.receive(stranger, await signWebhook(stranger)));
  expect((await view(id, HOST)).round!.rooms[0]!.present.map((p) => p.id)).toEqual([talent(28)]);
  await act(id, HOST, { action: 'close', roundId });
  const rows = await t.db.select().from(breakoutAttendance).where(and(eq(breakoutAttendance.roomId, roomIds[0])));
  expect(rows.map((r) => [r.userId, r.leftAt !== null])).toEqual([[talent(28), true]]);
});

test('roles in a breakout room: hosts and organizers run every room, a member is in theirs, everyone else sees nothing', async () => {
  const id = await newSession();
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'manual' });
  await act(id, HOST, { action: 'assign', roundId, userId: talent(30), roomId: roomIds[0] });
  await act(id, HOST, { action: 'open', roundId, minutes: 10 });
  const role = async (who: string, room: string) => {
    try {
      const a = await accessTo(t.db, actor(who), 'breakout', room);
      return `${a.role}:${a.can('thread.moderate') ? 'moderates' : 'posts'}`;
    } catch (e) {
      return (e as AppError).code;
    }
  };
  expect(await role(HOST, roomIds[1])).toBe('host:moderates');
  expect(await role('demo-organizer', roomIds[0])).toBe('host:moderates');
  expect(await role(talent(30), roomIds[0])).toBe('member:posts');
  expect(await role(talent(30), roomIds[1])).toBe('not_found');
  expect(await role(talent(31), roomIds[0])).toBe('not_found');
  expect(await codeOf(accessTo(t.db, actor(talent(30)), 'breakout', 'not-a-uuid'))).toBe('invalid_input');
  expect(await canSeeTopic(t.db, actor(talent(31)), topics.breakouts(id))).toBe(true);
});

test('cancelling the session closes its breakout rooms in the same transaction', async () => {
  const id = await newSession();
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 2, assignment: 'choose' });
  await act(id, HOST, { action: 'open', roundId, minutes: 10 });
  await cancelSession(t.db, ORGANIZER, id);
  expect((await t.db.select().from(breakoutRounds).where(eq(breakoutRounds.id, roundId)))[0]!.status).toBe('closed');
  expect((await jobs(VIDEO_CLOSE_ROOM)).map((j) => j.data.room)).toEqual(expect.arrayContaining(roomIds.map((r: string) => `breakout-${r}`)));
});

test('attendance the webhooks left open is closed when LiveKit no longer lists the participant', async () => {
  const id = await newSession();
  const { roundId, roomIds } = await act(id, HOST, { action: 'create', roomCount: 1, assignment: 'manual' });
  await act(id, HOST, { action: 'assign', roundId, userId: talent(32), roomId: roomIds[0] });
  await act(id, HOST, { action: 'assign', roundId, userId: talent(33), roomId: roomIds[0] });
  await act(id, HOST, { action: 'open', roundId, minutes: 10 });
  const joinedAt = new Date(Date.now() - 60_000);
  await t.db.insert(breakoutAttendance).values([
    { participantSid: 'PA_rc_32', roomId: roomIds[0], userId: talent(32), joinedAt },
    { participantSid: 'PA_rc_33', roomId: roomIds[0], userId: talent(33), joinedAt },
  ]);
  const asked: string[] = [];
  const list = async (room: string) => (asked.push(room), room === `breakout-${roomIds[0]}` ? ['PA_rc_33'] : []);
  expect(await reconcileBreakoutAttendance(t.db, new Date(), list)).toBeGreaterThanOrEqual(1);
  expect(asked).toContain(`breakout-${roomIds[0]}`);
  expect((await view(id, HOST)).round!.rooms[0]!.present.map((p) => p.id)).toEqual([talent(33)]);
});

