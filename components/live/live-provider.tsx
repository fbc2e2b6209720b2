'use client';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { backoffDelay } from './backoff';

type LiveStatus = 'idle' | 'connecting' | 'live' | 'reconnecting';
type LiveContextValue = { follow: (topics: string[]) => () => void; status: LiveStatus };

const LiveContext = createContext<LiveContextValue>({ follow: () => () => {}, status: 'idle' });

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }));
  return (
    <QueryClientProvider client={client}>
      <LiveConnection>{children}</LiveConnection>
    </QueryClientProvider>
  );
}

/**
 * Marks stale the queries a topic is about: those keyed by it, and those that list it in
 * `meta.topics` (one list fed by several topics, like an organizer's outbox).
 */
function invalidateTopic(qc: QueryClient, topic: string) {
  return qc.invalidateQueries({
    predicate: (q) => q.queryKey[0] === topic || (Array.isArray(q.meta?.topics) && q.meta.topics.includes(topic)),
  });
}

/** One EventSource per tab for every followed topic; a hint invalidates the queries keyed by its topic. */
function LiveConnection({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const counts = useRef(new Map<string, number>());
  const [key, setKey] = useState('');
  const [status, setStatus] = useState<LiveStatus>('idle');

  const follow = useCallback((topics: string[]) => {
    for (const t of topics) counts.current.set(t, (counts.current.get(t) ?? 0) + 1);
    setKey([...counts.current.keys()].sort().join(','));
    return () => {
      for (const t of topics) {
        const n = (counts.current.get(t) ?? 1) - 1;
        if (n <= 0) counts.current.delete(t);
        else counts.current.set(t, n);
      }
      setKey([...counts.current.keys()].sort().join(','));
    };
  }, []);

  useEffect(() => {
    if (!key) return;
    const topics = key.split(',');
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let connectedBefore = false;
    let closed = false;
    const connect = () => {
      setStatus(connectedBefore ? 'reconnecting' : 'connecting');
      source = new EventSource(`/api/live?topics=${encodeURIComponent(key)}`);
      source.addEventListener('ready', () => {
        // Hints sent before this connection (since the page was rendered, or while we were
        // away) are lost: refetch everything we show, on the first connection as on every later one.
        for (const t of topics) void invalidateTopic(qc, t);
        connectedBefore = true;
        attempt = 0;
        setStatus('live');
      });
      source.onmessage = (msg) => {
        try {
          const hint = JSON.parse(msg.data) as { topic?: string };
          if (hint.topic) void invalidateTopic(qc, hint.topic);
        } catch {
          // A malformed hint is ignored; the next reconnect refetches anyway.
        }
      };
      source.onerror = () => {
        source?.close();
        if (closed) return;
        setStatus('reconnecting');
        timer = setTimeout(connect, backoffDelay(attempt++));
      };
    };
    connect();
    return () => {
      closed = true;
      source?.close();
      if (timer) clearTimeout(timer);
    };
  }, [key, qc]);

  const value = useMemo(() => ({ follow, status }), [follow, status]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** Follows topics while the calling component is mounted. Query keys must start with the topic. */
export function useLiveTopics(topics: string[]): LiveStatus {
  const { follow, status } = useContext(LiveContext);
  const joined = topics.join(',');
  useEffect(() => (joined ? follow(joined.split(',')) : undefined), [joined, follow]);
  return status;
}
