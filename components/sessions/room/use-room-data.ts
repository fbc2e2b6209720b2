'use client';
import { useQuery } from '@tanstack/react-query';
import { useLiveTopics } from '@/components/live/live-provider';
import type { TRoomData } from '@/lib/sessions/room-data';
import { api } from './api';

/** The stage and the people of a session's room, refetched on every hint of its topic. */
export function useRoomData(sessionId: string) {
  const topic = `session:${sessionId}`;
  useLiveTopics([topic]);
  return useQuery({ queryKey: [topic, 'room'], queryFn: ({ signal }) => api<TRoomData & { ok: true }>(`/api/sessions/${sessionId}/room`, { signal }), staleTime: 5_000 });
}
