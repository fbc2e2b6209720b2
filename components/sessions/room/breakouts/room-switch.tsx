'use client';
import { createContext, useContext } from 'react';
import type { TBreakoutView } from './use-breakouts';

/** Where this browser is connected: the session's main room, or one breakout room (its own LiveKit room). */
export type TPlace = { kind: 'session' } | { kind: 'breakout'; roomId: string };
export const MAIN: TPlace = { kind: 'session' };

export const placeKey = (p: TPlace) => (p.kind === 'session' ? 'session' : `breakout-${p.roomId}`);

/** Where the breakouts put this person: their room while the round is open, else the main session. */
export function assignedPlace(view: TBreakoutView): TPlace {
  const round = view.round;
  return round?.status === 'open' && round.myRoomId ? { kind: 'breakout', roomId: round.myRoomId } : MAIN;
}

/** Whether this person may be in that breakout room now: hosts in any open room, others in their own only. */
export function mayBeIn(view: TBreakoutView, roomId: string): boolean {
  const round = view.round;
  if (round?.status !== 'open' || !round.rooms.some((r) => r.id === roomId)) return false;
  return view.canManage || round.myRoomId === roomId;
}

type TRoomSwitch = { place: TPlace; goTo(place: TPlace): void };

const RoomSwitchContext = createContext<TRoomSwitch>({ place: MAIN, goTo: () => undefined });
export const RoomSwitchProvider = RoomSwitchContext.Provider;

/** The current place and the way to another (leaves this LiveKit room, joins the other with a new token). */
export function useRoomSwitch(): TRoomSwitch {
  return useContext(RoomSwitchContext);
}
