'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useLiveHint, useLiveTopics } from '@/components/live/live-provider';
import { topics } from '@/lib/live/topics';
import type { TMessage, TMessagePage } from '@/lib/threads/list-messages';

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { 'content-type': 'application/json' } });
  } catch {
    throw new Error('Could not reach the server. Check your connection and try again.');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok || !body?.ok) throw new Error(body?.error?.message ?? `Something went wrong (${res.status}).`);
  return body as T;
}

/**
 * A resource's conversation, live. The first read takes the newest messages; a hint about a
 * new message fetches only what came after the cursor (one row per message for each reader,
 * however long the history); a hint about a changed message (hidden, redacted) or a
 * reconnect reads the page again.
 */
export function useThread(kind: string, ownerId: string) {
  const topic = topics.thread(kind, ownerId);
  useLiveTopics([topic]);
  const qc = useQueryClient();
  const key = [topic, 'messages'];
  const url = `/api/threads/${kind}/${ownerId}/messages`;
  const whole = useRef(true);
  useLiveHint(topic, (hint) => {
    if (hint.resync || hint.ids?.changed !== undefined) {
      whole.current = true;
      return false;
    }
    // A new message carried by the hint (a busy session's chat): appended without a request,
    // when it is the very next one and no read is under way (whose answer would overwrite it).
    const message = hint.data as TMessage | undefined;
    const prev = qc.getQueryData<TMessagePage>(key);
    if (!message || !prev || whole.current || message.seq !== prev.cursor + 1 || qc.isFetching({ queryKey: key }) > 0) return false;
    if (!prev.canModerate && message.hidden) return false;
    qc.setQueryData<TMessagePage>(key, { ...prev, items: [...prev.items, message], cursor: message.seq });
    return true;
  });
  const list = useQuery({
    queryKey: key,
    queryFn: async (): Promise<TMessagePage> => {
      const prev = qc.getQueryData<TMessagePage>(key);
      if (!prev || whole.current) {
        whole.current = false;
        return api<TMessagePage>(url);
      }
      const next = await api<TMessagePage>(`${url}?after=${prev.cursor}`);
      const items: TMessage[] = [...prev.items, ...next.items.filter((m) => m.seq > prev.cursor)];
      return { ...next, items, cursor: Math.max(prev.cursor, next.cursor) };
    },
  });
  const send = useMutation({
    mutationFn: (body: string) => api<{ id: string; seq: number }>(url, { method: 'POST', body: JSON.stringify({ body }) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  return { list, send };
}
