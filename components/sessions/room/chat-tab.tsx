'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useThread } from '@/components/threads/use-thread';
import { Button } from '@/components/ui/button';
import { topics } from '@/lib/live/topics';
import { api } from './api';
import { StageButton } from './stage-controls';
import s from './room.module.css';

/**
 * A room's chat, kept in PostgreSQL (its thread), live; hosts hide messages. The session's own
 * thread in the main room; a breakout room's thread (kind `breakout`) while in that room.
 */
export function ChatTab({ kind = 'session', ownerId, myId, intro }: { kind?: 'session' | 'breakout'; ownerId: string; myId: string; intro?: string }) {
  const { list, send } = useThread(kind, ownerId);
  const qc = useQueryClient();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const page = list.data;
  const end = useRef<HTMLLIElement>(null);
  const count = page?.items.length ?? 0;
  // Braces matter: newer browsers return a promise from scrollIntoView, and React would call it as the cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [count]);
  const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim()) send.mutate(draft, { onSuccess: () => setDraft('') });
  };
  const toggleHidden = async (messageId: string, hidden: boolean) => {
    setError(null);
    try {
      await api(`/api/messages/${messageId}`, { method: 'PATCH', body: { action: hidden ? 'unhide' : 'hide' } });
    } catch (e) {
      setError((e as Error).message);
    }
    await qc.invalidateQueries({ queryKey: [topics.thread(kind, ownerId)] });
  };
  return (
    <div className="stack" style={{ gap: 10 }}>
      <StageButton compact />
      {intro ? <p className="small muted" style={{ margin: 0 }}>{intro}</p> : null}
      {list.isPending ? <p className="muted small">Loading messages…</p> : null}
      {list.isError ? <p className="small" role="alert">{list.error.message}</p> : null}
      {page && page.items.length === 0 ? <p className="muted small">No messages yet. Say hello to the room.</p> : null}
      <ol className={s.messages} aria-label="Messages" aria-live="polite">
        {page?.items.map((m) => (
          <li key={m.id} aria-label={m.redacted ? 'Message removed' : m.body} data-hidden={!!m.hidden}>
            <span className="small muted">{m.authorId === myId ? 'You' : (m.authorName ?? 'Someone')} · {clock.format(new Date(m.createdAt))}{m.hidden ? ' · hidden from the room' : ''}</span>
            <span>{m.redacted ? <em className="muted">Message removed</em> : m.body}</span>
            {page.canModerate ? (
              <Button variant="ghost" onClick={() => void toggleHidden(m.id, !!m.hidden)} aria-label={`${m.hidden ? 'Show' : 'Hide'} message “${m.body}”`}>{m.hidden ? 'Show' : 'Hide'}</Button>
            ) : null}
          </li>
        ))}
        <li ref={end} aria-hidden />
      </ol>
      {page?.canPost !== false ? (
        <form onSubmit={onSubmit} className="stack" style={{ gap: 6 }} aria-label="Write to the room">
          <label className="small" htmlFor={`chat-${ownerId}`}>Message</label>
          <textarea
            id={`chat-${ownerId}`}
            value={draft}
            maxLength={2000}
            rows={2}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) onSubmit(e);
            }}
          />
          <div><Button type="submit" disabled={send.isPending || !draft.trim()}>Send</Button></div>
          {send.isError ? <p className="small" role="alert">{send.error.message}</p> : null}
        </form>
      ) : null}
      {error ? <p className="small" role="alert">{error}</p> : null}
    </div>
  );
}
