'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveTopics } from '@/components/live/live-provider';
import { Button } from '@/components/ui/button';
import { Alert, EmptyState } from '@/components/ui/card';
import { useSubmit } from '@/components/ui/use-submit';
import type { TBoardConversation, TBoardDesk } from '@/lib/desks/moderator-board';
import type { TResult } from '@/lib/errors';
import { topics } from '@/lib/live/topics';
import { bellSource } from './bell';
import { ConversationPanel, type TConversationActions } from './conversation-panel';
import s from './desks.module.css';

type TAction<I, T extends object = object> = (input: I) => Promise<TResult<T>>;
export type TBoardActions = TConversationActions & { admit: TAction<{ deskId: string }, { conversationId: string }> };

async function fetchBoard(eventId: string): Promise<TBoardDesk[]> {
  const res = await fetch(`/api/events/${eventId}/desk-board`);
  const body = await res.json().catch(() => null);
  if (!res.ok || !body?.ok) throw new Error(body?.error?.message ?? 'Could not load your conversations. Reload the page.');
  return body.desks as TBoardDesk[];
}

export function initials(name: string | null): string {
  return (name ?? '?').split(/\s+/).filter(Boolean).slice(0, 2).map((p) => p[0]!.toUpperCase()).join('');
}

/**
 * Rings when someone new arrives: more people waiting or admitted than in the last data. The
 * count of plays is kept on the element so a test (or a curious moderator) can see it rang.
 */
function useBell(desks: TBoardDesk[] | undefined) {
  const audio = useRef<HTMLAudioElement>(null);
  const seen = useRef<Set<string> | null>(null);
  const waiting = useRef(0);
  useEffect(() => {
    if (!desks) return;
    const ids = new Set(desks.flatMap((d) => d.conversations.map((c) => c.id)));
    const queued = desks.reduce((n, d) => n + d.waiting, 0);
    const arrived = seen.current !== null && ([...ids].some((id) => !seen.current!.has(id)) || queued > waiting.current);
    seen.current = ids;
    waiting.current = queued;
    const el = audio.current;
    if (arrived && el) {
      el.dataset.rang = String(Number(el.dataset.rang ?? 0) + 1);
      el.currentTime = 0;
      void el.play().catch(() => {
        // Browsers refuse sound before the first click on the page; the highlight still shows.
      });
    }
  }, [desks]);
  return audio;
}

function ConversationItem({ c, active, onOpen }: { c: TBoardConversation; active: boolean; onOpen: () => void }) {
  return (
    <li>
      <button type="button" className={`${s.convButton} ${c.hasNews && !active ? s.news : ''}`} aria-current={active} data-news={c.hasNews} onClick={onOpen}>
        <span className={s.dot} data-present={c.present} title={c.present ? 'Has the conversation open' : 'Closed the conversation'} />
        <span style={{ flex: 1 }}>{c.participantName}</span>
        {c.confidential ? <span title="Confidential">🔒</span> : null}
        {c.assigneeName ? (
          <span className={s.avatar} title={`Assigned to ${c.assigneeName}`}>
            {initials(c.assigneeName)}
          </span>
        ) : null}
      </button>
    </li>
  );
}

function DeskGroup({ desk, selected, onOpen, admit }: { desk: TBoardDesk; selected: string | null; onOpen: (id: string) => void; admit: TBoardActions['admit'] }) {
  const admitting = useSubmit(admit, (r) => onOpen(r.conversationId));
  return (
    <details open className={s.deskGroup} data-testid={`desk-${desk.name}`}>
      <summary>
        <span>{desk.name}</span>
        <span className="muted small">
          {desk.myOpenCount}/{desk.limitPerModerator} mine
        </span>
      </summary>
      <div className="row small" style={{ marginTop: 6 }}>
        <span data-testid="waiting">Waiting participants ({desk.waiting})</span>
        <Button variant="secondary" disabled={desk.waiting === 0 || admitting.pending} onClick={() => admitting.submit({ deskId: desk.id })}>
          Admit next
        </Button>
      </div>
      {admitting.error ? <Alert tone="error">{admitting.error.message}</Alert> : null}
      {desk.conversations.length === 0 ? (
        <p className="muted small">No open conversations.</p>
      ) : (
        <ul className={s.convList}>
          {desk.conversations.map((c) => (
            <ConversationItem key={c.id} c={c} active={c.id === selected} onOpen={() => onOpen(c.id)} />
          ))}
        </ul>
      )}
    </details>
  );
}

/** "All Conversations": every desk the moderator works, switching conversations without reloads. */
export function ModeratorBoard({ eventId, userId, deskIds, actions }: { eventId: string; userId: string; deskIds: string[]; actions: TBoardActions }) {
  const followed = useMemo(() => [...deskIds.map(topics.desk), topics.user(userId)], [deskIds, userId]);
  useLiveTopics(followed);
  const qc = useQueryClient();
  const board = useQuery({ queryKey: ['desk-board', eventId], queryFn: () => fetchBoard(eventId), meta: { topics: followed } });
  const [selected, setSelected] = useState<string | null>(null);
  const [src] = useState(() => (typeof window === 'undefined' ? undefined : bellSource()));
  const audio = useBell(board.data);
  const current = board.data?.flatMap((d) => d.conversations.map((c) => ({ desk: d, c }))).find((x) => x.c.id === selected);
  const open = (id: string) => {
    setSelected(id);
    void actions.markRead({ conversationId: id }).then(() => qc.invalidateQueries({ queryKey: ['desk-board', eventId] }));
  };
  return (
    <div className={s.board}>
      <audio ref={audio} src={src} preload="auto" data-testid="bell" data-rang="0" />
      <div className="stack" style={{ gap: 8 }}>
        {board.error ? <Alert tone="error">{board.error.message}</Alert> : null}
        {board.data?.map((d) => <DeskGroup key={d.id} desk={d} selected={selected} onOpen={open} admit={actions.admit} />)}
      </div>
      <div>
        {current ? (
          <ConversationPanel
            key={current.c.id}
            desk={current.desk}
            c={current.c}
            userId={userId}
            actions={actions}
            onChanged={() => qc.invalidateQueries({ queryKey: ['desk-board', eventId] })}
            onGone={() => setSelected(null)}
          />
        ) : (
          <EmptyState title="Pick a conversation">
            <p>New participants ring a bell and are highlighted until you open them.</p>
          </EmptyState>
        )}
      </div>
    </div>
  );
}
