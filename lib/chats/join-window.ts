/** When a 1-1 chat's call can be joined. Pure: the call page's components use it too. */
export type TJoinState = 'early' | 'open' | 'over';

/** From a few minutes before the start (the event's setting) until the end. */
export function joinWindow(chat: { startsAt: Date | null; endsAt: Date | null }, event: { joinOpensMinutesBefore: number }) {
  if (!chat.startsAt || !chat.endsAt) return undefined;
  return { opensAt: new Date(chat.startsAt.getTime() - event.joinOpensMinutesBefore * 60_000), closesAt: chat.endsAt };
}

export function joinState(window: { opensAt: Date; closesAt: Date }, now: Date): TJoinState {
  if (now < window.opensAt) return 'early';
  return now < window.closesAt ? 'open' : 'over';
}
