'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { useSubmit } from '@/components/ui/use-submit';
import type { TBoardConversation, TBoardDesk } from '@/lib/desks/moderator-board';
import type { TResult } from '@/lib/errors';
import { DeskThread } from './desk-thread';
import s from './desks.module.css';

type TAction<I, T extends object = object> = (input: I) => Promise<TResult<T>>;
type TRef = { conversationId: string };

export type TConversationActions = {
  assign: TAction<TRef>;
  confidential: TAction<TRef & { confidential: boolean }>;
  close: TAction<TRef & { hard: boolean }>;
  addTag: TAction<TRef & { name: string }, { tag: string }>;
  removeTag: TAction<TRef & { name: string }>;
  markRead: TAction<TRef>;
  typing: TAction<TRef>;
};

async function fetchSuggestions(deskId: string, prefix: string): Promise<string[]> {
  const res = await fetch(`/api/desks/${deskId}/tags?prefix=${encodeURIComponent(prefix)}`);
  const body = await res.json().catch(() => null);
  return res.ok && body?.ok ? (body.tags as string[]) : [];
}

function Tags({ desk, c, actions, onChanged }: { desk: TBoardDesk; c: TBoardConversation; actions: TConversationActions; onChanged: () => void }) {
  const [draft, setDraft] = useState('');
  const suggestions = useQuery({ queryKey: ['desk-tags', desk.id, draft.trim().toLowerCase()], queryFn: () => fetchSuggestions(desk.id, draft.trim()), staleTime: 10_000 });
  const qc = useQueryClient();
  const add = useSubmit(actions.addTag, () => {
    setDraft('');
    // A new tag of the desk is a suggestion from now on, also for prefixes asked before.
    void qc.invalidateQueries({ queryKey: ['desk-tags', desk.id] });
    onChanged();
  });
  const remove = useSubmit(actions.removeTag, onChanged);
  const listId = `tags-${c.id}`;
  return (
    <div className="stack" style={{ gap: 6 }}>
      <div className={s.tags} aria-label="Tags">
        {c.tags.map((t) => (
          <span key={t} className={s.tag}>
            {t}
            <button type="button" aria-label={`Remove tag ${t}`} onClick={() => remove.submit({ conversationId: c.id, name: t })}>
              ×
            </button>
          </span>
        ))}
      </div>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) add.submit({ conversationId: c.id, name: draft });
        }}
      >
        <label className="small">
          Add a tag{' '}
          <input list={listId} value={draft} maxLength={40} onChange={(e) => setDraft(e.target.value)} aria-label="Tag" />
        </label>
        <datalist id={listId} data-testid="tag-suggestions">
          {(suggestions.data ?? []).filter((t) => !c.tags.includes(t)).map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <Button variant="secondary" type="submit" disabled={add.pending}>
          Add tag
        </Button>
      </form>
      {add.error ?? remove.error ? <Alert tone="error">{(add.error ?? remove.error)!.message}</Alert> : null}
    </div>
  );
}

/** One conversation as its moderators see it: who, presence, and what they can do with it. */
export function ConversationPanel({
  desk,
  c,
  userId,
  actions,
  onChanged,
  onGone,
}: {
  desk: TBoardDesk;
  c: TBoardConversation;
  userId: string;
  actions: TConversationActions;
  onChanged: () => void;
  onGone: () => void;
}) {
  const assign = useSubmit(actions.assign, onChanged);
  const confidential = useSubmit(actions.confidential, onChanged);
  const close = useSubmit(actions.close, () => {
    onGone();
    onChanged();
  });
  const mine = c.assignedTo === userId;
  const error = assign.error ?? confidential.error ?? close.error;
  return (
    <Card>
      <div className={s.header} data-testid="conversation-header">
        <div className="row">
          <span className={s.dot} data-present={c.present} data-testid="presence" title={c.present ? 'Has the conversation open' : 'Closed the conversation'} />
          <strong>{c.participantName}</strong>
          {c.participantEmail ? <a href={`mailto:${c.participantEmail}`} className="small">{c.participantEmail}</a> : null}
        </div>
        <p className="muted small" style={{ margin: 0 }}>
          {c.assigneeName ? `Assigned to ${mine ? 'you' : c.assigneeName}` : 'Not assigned'}
          {c.confidential ? ' · Confidential: only you see it' : ''}
        </p>
        <div className="row">
          {!mine ? (
            <Button variant="secondary" disabled={assign.pending} onClick={() => assign.submit({ conversationId: c.id })}>
              Assign to me
            </Button>
          ) : null}
          <Button variant="secondary" disabled={confidential.pending} onClick={() => confidential.submit({ conversationId: c.id, confidential: !c.confidential })}>
            {c.confidential ? 'Not confidential' : 'Confidential'}
          </Button>
          <Button variant="secondary" disabled={close.pending} onClick={() => close.submit({ conversationId: c.id, hard: false })}>
            Close
          </Button>
          <Button
            variant="secondary"
            disabled={close.pending}
            onClick={() => {
              if (window.confirm(`Hard close: ${c.participantName} is put out and queues again if they come back. Continue?`)) close.submit({ conversationId: c.id, hard: true });
            }}
          >
            Hard close
          </Button>
        </div>
        {error ? <Alert tone="error">{error.message}</Alert> : null}
        <Tags desk={desk} c={c} actions={actions} onChanged={onChanged} />
      </div>
      {desk.welcomeMessage ? <p className={s.welcome} style={{ marginTop: 12 }}>{desk.welcomeMessage}</p> : null}
      <DeskThread
        conversationId={c.id}
        myId={userId}
        role="moderator"
        canWrite
        filesAllowed={desk.filesAllowed}
        otherName={c.participantName}
        onTyping={() => void actions.typing({ conversationId: c.id })}
      />
    </Card>
  );
}
