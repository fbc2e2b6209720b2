'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { useLiveTopics } from '@/components/live/live-provider';
import type { ZBreakoutAction } from '@/lib/breakouts/schemas';
import type { TBreakoutView as TServerView } from '@/lib/breakouts/view';
import { topics } from '@/lib/live/topics';
import { api } from '../api';
import { remainingMs } from './countdown';

// The caller's view of the session's breakout rooms (docs/breakouts.md, GET /api/sessions/:id/breakouts).
export type TBreakoutRound = NonNullable<TServerView['round']>;
export type TBreakoutRoom = TBreakoutRound['rooms'][number];
export type TBreakoutPerson = TBreakoutRoom['members'][number];
export type TBreakoutAssignment = TBreakoutRound['assignment'];
export type TBreakoutView = TServerView & {
  /** Server clock minus this browser's clock when the view arrived (ms): countdowns add it to Date.now(). */
  skewMs: number;
};
/** The body of one POST (its input shape: the server fills in default names). */
export type TBreakoutAction = z.input<typeof ZBreakoutAction>;

export const breakoutsTopic = (sessionId: string) => topics.breakouts(sessionId);
export const viewKey = (sessionId: string) => [breakoutsTopic(sessionId), 'view'];

/** Fetches the view and notes how far the server's clock is from this browser's. */
export async function fetchBreakoutView(sessionId: string): Promise<TBreakoutView> {
  const sent = Date.now();
  const body = await api<Omit<TBreakoutView, 'skewMs'> & { ok: true }>(`/api/sessions/${sessionId}/breakouts`);
  // The server read its clock somewhere between sending and receiving: take the middle.
  const skewMs = Date.parse(body.serverNow) - (sent + Date.now()) / 2;
  return { canManage: body.canManage, maxRooms: body.maxRooms, serverNow: body.serverNow, sessionEndsAt: body.sessionEndsAt, round: body.round, skewMs: Number.isFinite(skewMs) ? skewMs : 0 };
}

/**
 * The breakout view, refetched on every hint of `breakouts:<sessionId>`. The topic is followed
 * once the view has been read: a refused view (no access, no such session) must not take the
 * room's whole live stream down with a topic /api/live refuses.
 */
export function useBreakouts(sessionId: string) {
  const q = useQuery({
    queryKey: viewKey(sessionId),
    queryFn: () => fetchBreakoutView(sessionId),
    staleTime: 5_000,
    // Past its end a round is closed by a job on the server: until the view says so, ask again
    // every few seconds (the hint comes too; this covers a lost one).
    refetchInterval: (q) => {
      const round = q.state.data?.round;
      return round?.status === 'open' && round.endsAt && remainingMs(round.endsAt, q.state.data!.skewMs) === 0 ? 3_000 : false;
    },
  });
  useLiveTopics(q.data ? [breakoutsTopic(sessionId)] : []);
  return q;
}

/** Reads the view again now (after an action, or when the countdown ran out). */
export function useRefreshBreakouts(sessionId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: viewKey(sessionId) });
}

/** One POST to the breakouts route; the view is read again whatever the answer. */
export function useBreakoutAction<T = { ok: true }>(sessionId: string) {
  const refresh = useRefreshBreakouts(sessionId);
  return useMutation({
    mutationFn: (body: TBreakoutAction) => api<T>(`/api/sessions/${sessionId}/breakouts`, { method: 'POST', body }),
    onSettled: () => refresh(),
  });
}
