'use client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useThread } from '@/components/threads/use-thread';
import { Button } from '@/components/ui/button';
import { clockFormatter } from '@/lib/time/format';
import s from './video.module.css';

/**
 * The call's chat panel: the chat's thread. Messages live in PostgreSQL, so they survive
 * reloads; a hint on the thread's topic fetches what is new for everyone in the call.
 */
export function CallMessages({ chatId, myId, canWrite }: { chatId: string; myId: string; canWrite: boolean }) {
  const { list, send } = useThread('chat', chatId);
  const [draft, setDraft] = useState('');
  const messages = list.data?.items;
  const end = useRef<HTMLLIElement>(null);
  const count = messages?.length ?? 0;
  // Braces matter: newer browsers return a promise from scrollIntoView, and React would call it as the cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [count]);
  const clock = clockFormatter();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim()) send.mutate(draft, { onSuccess: () => setDraft('') });
  };
  return (
    <aside className={s.panel} aria-label="Chat">
      <h2 className={s.panelTitle}>Chat</h2>
      {list.isPending ? <p className="muted small">Loading messages…</p> : null}
      {list.isError ? <p className="small" role="alert">{list.error.message}</p> : null}
      {messages && messages.length === 0 ? <p className="muted small">No messages yet. Links and notes you share here stay with this chat.</p> : null}
      <ol className={s.messages} aria-live="polite">
        {messages?.map((m) => (
          <li key={m.id} className={m.authorId === myId ? s.mine : undefined}>
            <span className={s.meta}>{m.authorId === myId ? 'You' : (m.authorName ?? 'Someone')} · {clock.format(new Date(m.createdAt))}</span>
            <span className={s.body}>{m.redacted ? <em className="muted">Message removed</em> : m.body}</span>
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
