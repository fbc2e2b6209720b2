import { z } from 'zod';

export const ASSIGNMENT_MODES = ['auto_present', 'auto_registered', 'manual', 'choose'] as const;
export type TAssignmentMode = (typeof ASSIGNMENT_MODES)[number];

/** The absolute ceiling of rooms per round; each session has its own lower maximum (breakout_room_limit). */
export const MAX_ROOMS = 50;

// Numbers come as JSON numbers or, from a form field, as digits. z.coerce.number would also take
// true, [3] or null as numbers; those are a caller's mistake and get the field's message.
const digitsToNumber = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v);
const wholeNumber = <T extends z.ZodType>(schema: T) => z.preprocess(digitsToNumber, schema);

const ZRoundId = z.uuid({ message: 'Unknown breakout rooms — reload the page' });
const ZRoomId = z.uuid({ message: 'Pick a breakout room from the list' });
const ZUserId = z.string({ message: 'Pick a person' }).min(1, 'Pick a person').max(64, 'Unknown person');

const ZRoomName = z.string({ message: 'Each room name must be text' }).trim().max(60, 'Keep each room name under 60 characters');

export const ZCreateRound = z
  .object({
    action: z.literal('create'),
    roomCount: wholeNumber(z.number({ message: 'Enter the number of rooms' }).int('Use a whole number of rooms').min(1, 'Create at least 1 room').max(MAX_ROOMS, `At most ${MAX_ROOMS} rooms`)),
    // Blank names become "Room <n>".
    names: z.array(ZRoomName, { message: 'Names must be a list' }).max(MAX_ROOMS, `At most ${MAX_ROOMS} names`).optional(),
    assignment: z.enum(ASSIGNMENT_MODES, { message: 'Pick how people are assigned: automatically (present or signed up), by hand, or let them choose' }),
  })
  .transform((v, ctx) => {
    const names = Array.from({ length: v.roomCount }, (_, i) => v.names?.[i] || `Room ${i + 1}`);
    if ((v.names?.length ?? 0) > v.roomCount) ctx.addIssue({ code: 'custom', message: 'There are more names than rooms', path: ['names'] });
    const seen = new Set<string>();
    names.forEach((n, i) => {
      if (seen.has(n.toLowerCase())) ctx.addIssue({ code: 'custom', message: `Two rooms are called “${n}” — give each its own name`, path: ['names', i] });
      seen.add(n.toLowerCase());
    });
    return { ...v, names };
  });

export const ZAssign = z.object({ action: z.literal('assign'), roundId: ZRoundId, userId: ZUserId, roomId: ZRoomId.nullable() });
export const ZOpenRound = z.object({
  action: z.literal('open'),
  roundId: ZRoundId,
  minutes: wholeNumber(z.number({ message: 'Enter the minutes the rooms stay open' }).int('Use whole minutes').min(1, 'At least 1 minute').max(120, 'At most 120 minutes')),
});
export const ZExtendRound = z.object({
  action: z.literal('extend'),
  roundId: ZRoundId,
  minutes: wholeNumber(z.number({ message: 'Enter the minutes to add' }).int('Use whole minutes').min(1, 'Add at least 1 minute').max(60, 'Add at most 60 minutes at a time')),
});
export const ZCloseRound = z.object({ action: z.literal('close'), roundId: ZRoundId });
export const ZBroadcast = z.object({
  action: z.literal('broadcast'),
  roundId: ZRoundId,
  body: z.string({ message: 'Write a message' }).trim().min(1, 'Write a message to send to every room').max(500, 'Keep the broadcast under 500 characters'),
});
export const ZChooseRoom = z.object({ action: z.literal('choose'), roundId: ZRoundId, roomId: ZRoomId });
export const ZCallHost = z.object({ action: z.literal('call_host'), roundId: ZRoundId });
export const ZAnswerCall = z.object({ action: z.literal('answer_call'), callId: z.uuid({ message: 'This call is no longer there — reload' }) });

/** The body of POST /api/sessions/:id/breakouts: one action. */
export const ZBreakoutAction = z.discriminatedUnion(
  'action',
  [ZCreateRound, ZAssign, ZOpenRound, ZExtendRound, ZCloseRound, ZBroadcast, ZChooseRoom, ZCallHost, ZAnswerCall],
  { message: 'Unknown breakout action: use create, assign, open, extend, close, broadcast, choose, call_host or answer_call' },
);
export type TBreakoutAction = z.infer<typeof ZBreakoutAction>;
