import { ZBreakoutAction } from '@/lib/breakouts/schemas';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';

// Bodies of POST /api/sessions/:id/breakouts a person (or a script) can get wrong: each is a 422
// naming the field and saying what to do, never zod's generic "Invalid input" nor a 500.
const ROUND = '7d3f1a52-4b1e-4c1a-9a57-0c6f1f7c2a10';
const ROOM = '0b8f2a1e-5c3d-4e6f-8a9b-1c2d3e4f5a6b';
const refusal = (body: unknown) => {
  try {
    parseInput(ZBreakoutAction, body);
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, fieldErrors: e.fieldErrors ?? {} };
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(body)}`);
};

test.each([
  ['no body', null, '_form', /Unknown breakout action/],
  ['a list for a body', [], '_form', /Unknown breakout action/],
  ['no action', {}, 'action', /Unknown breakout action/],
  ['an unknown action', { action: 'delete_everything' }, 'action', /Unknown breakout action/],
  ['rooms as text', { action: 'create', roomCount: 'three', assignment: 'manual' }, 'roomCount', /number of rooms/],
  ['rooms as true', { action: 'create', roomCount: true, assignment: 'manual' }, 'roomCount', /number of rooms/],
  ['rooms as a list', { action: 'create', roomCount: [3], assignment: 'manual' }, 'roomCount', /number of rooms/],
  ['no rooms', { action: 'create', roomCount: 0, assignment: 'manual' }, 'roomCount', /at least 1 room/],
  ['half a room', { action: 'create', roomCount: 1.5, assignment: 'manual' }, 'roomCount', /whole number/],
  ['rooms over the ceiling', { action: 'create', roomCount: 51, assignment: 'manual' }, 'roomCount', /At most 50 rooms/],
  ['names that are not text', { action: 'create', roomCount: 2, names: [1, 2], assignment: 'manual' }, 'names.0', /room name/i],
  ['names that are not a list', { action: 'create', roomCount: 2, names: 'A,B', assignment: 'manual' }, 'names', /list/],
  ['a huge list of names', { action: 'create', roomCount: 2, names: Array.from({ length: 100_000 }, (_, i) => `R${i}`), assignment: 'manual' }, 'names', /At most 50 names/],
  ['a name too long', { action: 'create', roomCount: 1, names: ['x'.repeat(61)], assignment: 'manual' }, 'names.0', /under 60/],
  ['two rooms with one name', { action: 'create', roomCount: 2, names: ['Blue', ' blue '], assignment: 'manual' }, 'names.1', /Two rooms are called/],
  ['a name that is a default of another', { action: 'create', roomCount: 2, names: ['Room 2'], assignment: 'manual' }, 'names.1', /Two rooms are called/],
  ['more names than rooms', { action: 'create', roomCount: 1, names: ['A', 'B'], assignment: 'manual' }, 'names', /more names than rooms/],
  ['an unknown assignment', { action: 'create', roomCount: 2, assignment: 'random' }, 'assignment', /Pick how people are assigned/],
  ['a person as a number', { action: 'assign', roundId: ROUND, userId: 42, roomId: ROOM }, 'userId', /Pick a person/],
  ['a room that is no id', { action: 'assign', roundId: ROUND, userId: 'u1', roomId: 'room-1' }, 'roomId', /Pick a breakout room/],
  ['no room at all', { action: 'assign', roundId: ROUND, userId: 'u1' }, 'roomId', /Pick a breakout room/],
  ['a round that is no id', { action: 'close', roundId: "1' or '1'='1" }, 'roundId', /Unknown breakout rooms/],
  ['no minutes', { action: 'open', roundId: ROUND }, 'minutes', /minutes the rooms stay open/],
  ['minutes as text', { action: 'open', roundId: ROUND, minutes: '5x' }, 'minutes', /minutes the rooms stay open/],
  ['too long a timer', { action: 'open', roundId: ROUND, minutes: 121 }, 'minutes', /At most 120 minutes/],
  ['too long an extension', { action: 'extend', roundId: ROUND, minutes: 61 }, 'minutes', /at most 60 minutes/],
  ['an empty broadcast', { action: 'broadcast', roundId: ROUND, body: '  ' }, 'body', /Write a message/],
  ['a broadcast as a number', { action: 'broadcast', roundId: ROUND, body: 7 }, 'body', /Write a message/],
  ['a broadcast too long', { action: 'broadcast', roundId: ROUND, body: 'x'.repeat(501) }, 'body', /under 500/],
  ['a NUL in a broadcast', { action: 'broadcast', roundId: ROUND, body: 'a\u0000b' }, 'body', /NUL/],
  ['choosing no room', { action: 'choose', roundId: ROUND, roomId: null }, 'roomId', /Pick a breakout room/],
  ['a call that is no id', { action: 'answer_call', callId: 12 }, 'callId', /no longer there/],
])('%s: a 422 on the field with a specific message', (_label, body, field, message) => {
  const { code, fieldErrors } = refusal(body);
  expect(code).toBe('invalid_input');
  expect(fieldErrors[field]).toMatch(message);
  for (const m of Object.values(fieldErrors)) expect(m).not.toMatch(/^Invalid input/);
});

test('a well-formed create keeps numbers given as digits and fills blank names in', () => {
  expect(parseInput(ZBreakoutAction, { action: 'create', roomCount: '3', names: ['Blue', ' '], assignment: 'choose' })).toEqual({
    action: 'create',
    roomCount: 3,
    names: ['Blue', 'Room 2', 'Room 3'],
    assignment: 'choose',
  });
});
