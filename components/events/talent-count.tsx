'use client';
import { useQuery } from '@tanstack/react-query';
import { useLiveTopics } from '@/components/live/live-provider';

/** Registered talents, kept current through live hints on the event's topic. */
export function TalentCount({ eventId, initial, live }: { eventId: string; initial: number; live: boolean }) {
  const topic = `event:${eventId}`;
  useLiveTopics(live ? [topic] : []);
  const { data } = useQuery({
    queryKey: [topic, 'summary'],
    queryFn: async () => {
      const res = await fetch(`/api/events/${eventId}/summary`);
      if (!res.ok) throw new Error('summary unavailable');
      return (await res.json()) as { talents: number };
    },
    initialData: { talents: initial },
    enabled: live,
  });
  return <strong data-testid="talent-count">{data.talents}</strong>;
}
