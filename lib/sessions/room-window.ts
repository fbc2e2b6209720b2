import type { TSession } from './permissions';

/** The room opens this long before a session starts (DESIGN: "a few minutes before"). */
export const ROOM_OPENS_MINUTES_BEFORE = 10;

export function roomOpensAt(session: Pick<TSession, 'startsAt'>): Date {
  return new Date(session.startsAt.getTime() - ROOM_OPENS_MINUTES_BEFORE * 60_000);
}

export type TRoomState = 'early' | 'open' | 'over';
export function roomState(session: Pick<TSession, 'startsAt' | 'endsAt'>, now: Date): TRoomState {
  if (now < roomOpensAt(session)) return 'early';
  return now < session.endsAt ? 'open' : 'over';
}
