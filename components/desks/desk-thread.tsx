'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLiveHint } from '@/components/live/live-provider';
import { useThread } from '@/components/threads/use-thread';
import { Button } from '@/components/ui/button';
import { topics } from '@/lib/live/topics';
import type { TMessagePage } from '@/lib/threads/list-messages';
import s from './desks.module.css';

async function send(url: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new Error('Could not reach the server. Check your connection and try again.');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok || !body?.ok) throw new Error(body?.error?.message ?? `Something went wrong (${res.status}).`);
  return body;
}

/**
 * A desk conversation's messages, live: writing (which re-opens a closed conversation), sharing
 * a file when the desk allows it, "… is typing", and — for moderators — flagging a message as
 * personal data (retention redacts flagged messages first).
 */
export function DeskThread({
  conversationId,
  myId,
  role,
  canWrite,
  filesAllowed,
  otherName,
  onTyping,
}: {
  conversationId: string;
  myId: string;
  role: 'participant' | 'moderator';
  canWrite: boolean;
  filesAllowed: boolean;
  otherName: string;
  onTyping: () => void;
}) {
  const { list } = useThread('desk_conversation', conversationId);
  const qc = useQueryClient();
  const key = [topics.thread('desk_conversation', conversationId), 'messages'];
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const [draft, setDraft] = useState('');
  const [typing, setTyping] = useState(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const lastTyped = useRef(0);
  useLiveHint(topics.conversation(conversationId), (hint) => {
    if (!hint.ids?.typing || hint.ids.typing === role) return;
    setTyping(true);
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => setTyping(false), 4000);
  });
  useEffect(() => () => clearTimeout(typingTimer.current), []);
  const post = useMutation({
    mutationFn: (body: string) => send(`/api/desks/conversations/${conversationId}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body }) }),
    onSuccess: () => {
      setDraft('');
      void refresh();
    },
  });
  const share = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set('file', file);
      return send(`/api/desks/conversations/${conversationId}/files`, { method: 'POST', body: form });
    },
    onSuccess: () => void refresh(),
  });
  const flag = useMutation({
    mutationFn: (messageId: string) => send(`/api/messages/${messageId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'flag' }) }),
    // Marked here rather than refetched: a refetch started now could be the thread's cursor read,
    // which skips changed messages; the thread's own hint reads the whole page again anyway.
    onSuccess: (_r, messageId) =>
      qc.setQueryData<TMessagePage>(key, (page) => page && { ...page, items: page.items.map((m) => (m.id === messageId ? { ...m, flagged: true } : m)) }),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim()) post.mutate(draft);
  };
  const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  const error = post.error ?? share.error ?? flag.error;
  return (
    <div className="stack" style={{ gap: 8 }}>
      <ol className={s.messages} aria-label="Messages" aria-live="polite">
        {list.data?.items.map((m) => (
          <li key={m.id} className={m.authorId === myId ? s.mine : undefined} data-testid="message">
            <span className="small muted">
              {m.authorId === myId ? 'You' : (m.authorName ?? otherName)} · {clock.format(new Date(m.createdAt))}
              {m.flagged ? ' · flagged as personal data' : ''}
            </span>
            <span className={s.body}>
              {m.redacted ? (
                <em className="muted">Message removed</em>
              ) : m.attachmentId ? (
                <a href={`/api/files/${m.attachmentId}`} download>
                  Shared file {m.body || ''}
                </a>
              ) : (
                m.body
              )}
            </span>
            {role === 'moderator' && !m.flagged && !m.redacted ? (
              <button type="button" className={s.flag} onClick={() => flag.mutate(m.id)}>
                Flag personal data
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <p className={`small muted ${s.typing}`} aria-live="polite" data-testid="typing">
        {typing ? `${otherName} is typing…` : ''}
      </p>
      {canWrite ? (
        <form onSubmit={onSubmit} className={`stack ${s.compose}`} style={{ gap: 6 }}>
          <label htmlFor={`desk-msg-${conversationId}`} className="visually-hidden">
            Message
          </label>
          <textarea
            id={`desk-msg-${conversationId}`}
            value={draft}
            maxLength={2000}
            rows={2}
            placeholder="Write a message…"
            onChange={(e) => {
              setDraft(e.target.value);
              if (Date.now() - lastTyped.current > 2500) {
                lastTyped.current = Date.now();
                onTyping();
              }
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) onSubmit(e);
            }}
          />
          <div className="row">
            <Button type="submit" disabled={post.isPending || !draft.trim()}>
              Send
            </Button>
            {filesAllowed ? (
              <label className="small">
                Share a file{' '}
                <input
                  type="file"
                  accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,.docx,.xlsx,.pptx,.odt"
                  disabled={share.isPending}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) share.mutate(file);
                    e.target.value = '';
                  }}
                />
              </label>
            ) : null}
          </div>
        </form>
      ) : null}
      {error ? (
        <p className="small" role="alert">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
