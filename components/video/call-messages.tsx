'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLiveTopics } from '@/components/live/live-provider';
import { Button } from '@/components/ui/button';
import s from './video.module.css';

type TMessage = { id: string; body: string; createdAt: string; authorId: string | null; authorName: string | null };

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
 * The call's chat panel. Messages live in PostgreSQL with the chat, so they survive reloads;
 * a hint on the chat's topic refetches them for everyone in the call.
 */
export function CallMessages({ chatId, myId, canWrite }: { chatId: string; myId: string; canWrite: boolean }) {
  const topic = `chat:${chatId}`;
  useLiveTopics([topic]);
  const qc = useQueryClient();
  const key = [topic, 'messages'];
  const list = useQuery({ queryKey: key, queryFn: () => api<{ items: TMessage[] }>(`/api/chats/${chatId}/messages`).then((b) => b.items) });
  const [draft, setDraft] = useState('');
  const send = useMutation({
    mutationFn: (body: string) => api<{ id: string }>(`/api/chats/${chatId}/messages`, { method: 'POST', body: JSON.stringify({ body }) }),
    onSuccess: () => {
      setDraft('');
      return qc.invalidateQueries({ queryKey: key });
    },
  });
  const end = useRef<HTMLLIElement>(null);
  const count = list.data?.length ?? 0;
  // Braces matter: newer browsers return a promise from scrollIntoView, and React would call it as the cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [count]);
  const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim()) send.mutate(draft);
  };
  return (
    <aside className={s.panel} aria-label="Chat">
      <h2 className={s.panelTitle}>Chat</h2>
      {list.isPending ? <p className="muted small">Loading messages…</p> : null}
      {list.isError ? <p className="small" role="alert">{list.error.message}</p> : null}
      {list.data && list.data.length === 0 ? <p className="muted small">No messages yet. Links and notes you share here stay with this chat.</p> : null}
      <ol className={s.messages} aria-live="polite">
        {list.data?.map((m) => (
          <li key={m.id} className={m.authorId === myId ? s.mine : undefined}>
            <span className={s.meta}>{m.authorId === myId ? 'You' : (m.authorName ?? 'Someone')} · {clock.format(new Date(m.createdAt))}</span>
            <span className={s.body}>{m.body}</span>
          </li>
        ))}
        <li ref={end} aria-hidden className={s.end} />
      </ol>
      {canWrite ? (
        <form onSubmit={onSubmit} className={s.compose}>
          <label htmlFor={`msg-${chatId}`} className="visually-hidden">Message</label>
          <textarea
            id={`msg-${chatId}`}
            value={draft}
            maxLength={2000}
            rows={2}
            placeholder="Write a message…"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) onSubmit(e);
            }}
          />
          <Button type="submit" disabled={send.isPending || !draft.trim()}>Send</Button>
          {send.isError ? <p className="small" role="alert" style={{ color: 'var(--danger)' }}>{send.error.message}</p> : null}
        </form>
      ) : null}
    </aside>
  );
}
