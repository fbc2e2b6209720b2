'use client';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { backoffDelay } from './backoff';

type LiveStatus = 'idle' | 'connecting' | 'live' | 'reconnecting';
export type THint = { topic: string; ids?: Record<string, string | number>; data?: Record<string, unknown>; resync?: true; revoked?: true };
/** Returns true when it patched every query of the topic from the hint's `data` (no refetch needed). */
type THintListener = (hint: THint) => boolean | void;
type LiveContextValue = { follow: (topics: string[]) => () => void; listen: (topic: string, fn: THintListener) => () => void; status: LiveStatus };

const LiveContext = createContext<LiveContextValue>({ follow: () => () => {}, listen: () => () => {}, status: 'idle' });

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
  const listeners = useRef(new Map<string, Set<THintListener>>());
  /** Tells the topic's listeners; true when one of them patched the topic's queries itself. */
  const tell = useCallback((hint: THint) => {
    let patched = false;
    for (const fn of listeners.current.get(hint.topic) ?? []) patched = fn(hint) === true || patched;
    return patched;
  }, []);
  const listen = useCallback((topic: string, fn: THintListener) => {
    let set = listeners.current.get(topic);
    if (!set) listeners.current.set(topic, (set = new Set()));
    set.add(fn);
    return () => void set.delete(fn);
  }, []);
  // Topics the server said this person may no longer see (`revoked`): left out of the stream,
  // since /api/live would refuse the whole reconnect for them, until no component follows them.
  const revoked = useRef(new Set<string>());
  const [key, setKey] = useState('');
  const [status, setStatus] = useState<LiveStatus>('idle');
  const updateKey = useCallback(() => {
    setKey([...counts.current.keys()].filter((t) => !revoked.current.has(t)).sort().join(','));
  }, []);

  const follow = useCallback((topics: string[]) => {
    for (const t of topics) counts.current.set(t, (counts.current.get(t) ?? 0) + 1);
    updateKey();
    return () => {
      for (const t of topics) {
        const n = (counts.current.get(t) ?? 1) - 1;
        if (n <= 0) {
          counts.current.delete(t);
          revoked.current.delete(t);
        } else counts.current.set(t, n);
      }
      updateKey();
    };
  }, [updateKey]);

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
      const refetchAll = () => {
        for (const t of topics) {
          tell({ topic: t, resync: true });
          void invalidateTopic(qc, t);
        }
      };
      // The server lost its LISTEN connection for a while: hints of that time are gone.
      source.addEventListener('resync', refetchAll);
      // Access to a topic was withdrawn: stop following it (the new key reconnects without it)
      // and refetch what shows it, so the page drops what it may no longer see.
      source.addEventListener('revoked', (msg) => {
        try {
          const { topic } = JSON.parse((msg as MessageEvent<string>).data) as { topic: string };
          if (typeof topic !== 'string') return;
          revoked.current.add(topic);
          tell({ topic, revoked: true });
          void invalidateTopic(qc, topic);
          updateKey();
        } catch {
          // Malformed: the reconnect below still happens.
        }
      });
      source.addEventListener('ready', () => {
        // Hints sent before this connection (since the page was rendered, or while we were
        // away) are lost: refetch everything we show, on the first connection as on every later one.
        refetchAll();
        connectedBefore = true;
        attempt = 0;
        setStatus('live');
      });
      source.onmessage = (msg) => {
        try {
          const hint = JSON.parse(msg.data) as THint;
          if (typeof hint.topic !== 'string') return;
          // Listeners first: they may decide how the invalidated query refetches, or patch it
          // from the hint's data so that nothing is refetched (see useThread).
          if (!tell(hint)) void invalidateTopic(qc, hint.topic);
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
  }, [key, qc, tell, updateKey]);

  const value = useMemo(() => ({ follow, listen, status }), [follow, listen, status]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** Follows topics while the calling component is mounted. Query keys must start with the topic. */
export function useLiveTopics(topics: string[]): LiveStatus {
  const { follow, status } = useContext(LiveContext);
  const joined = topics.join(',');
  useEffect(() => (joined ? follow(joined.split(',')) : undefined), [joined, follow]);
  return status;
}

/** Calls `fn` with every hint on a topic (and `{ resync: true }` after each (re)connect), before
 * the topic's queries are invalidated. For cursor reads that must know what the hint names, and
 * for hints with `data`: `fn` returning true means it patched every query keyed by the topic
 * (then none is invalidated). */
export function useLiveHint(topic: string, fn: THintListener): void {
  const { listen } = useContext(LiveContext);
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => listen(topic, (h) => latest.current(h)), [topic, listen]);
}
