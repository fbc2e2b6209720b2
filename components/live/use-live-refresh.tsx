'use client';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useLiveTopics } from './live-provider';

/**
 * For server-rendered pages: a hint on the topic re-renders the page on the server. The query
 * is only a hook into the invalidation a hint triggers; initialData keeps it from running on mount.
 */
function RefreshOn({ topic }: { topic: string }) {
  const router = useRouter();
  useLiveTopics([topic]);
  useQuery({
    queryKey: [topic, 'server-page'],
    queryFn: () => {
      router.refresh();
      return Date.now();
    },
    initialData: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  return null;
}

export function LiveRefresh({ topics }: { topics: string[] }) {
  return (
    <>
      {topics.map((t) => (
        <RefreshOn key={t} topic={t} />
      ))}
    </>
  );
}
