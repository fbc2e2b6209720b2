'use client';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { TBreakoutHistory } from '@/lib/breakouts/history';
import { clockFormatter } from '@/lib/time/format';
import { api } from '../api';
import s from './breakouts.module.css';

export type TEarlierRound = TBreakoutHistory['rounds'][number];

/**
 * Hosts: the session's closed rounds, folded away under "Earlier rounds" — which rooms there
 * were, who was in each, and who called the host (answered or not), to follow up in the main
 * session. Read only once a host unfolds it, and again when a round closes (the key names the
 * live round), never on every live hint of the rooms.
 */
export function EarlierRounds({ sessionId, liveRoundId, timeZone }: { sessionId: string; liveRoundId: string | null; timeZone: string }) {
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: ['breakout-history', sessionId, liveRoundId],
    queryFn: () => api<TBreakoutHistory & { ok: true }>(`/api/sessions/${sessionId}/breakouts/history`),
    enabled: open,
    staleTime: Infinity,
  });
  return (
    <details className={s.section} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="small"><strong>Earlier rounds</strong> <span className="muted">— rooms, who was where, calls to the host</span></summary>
      {open ? <EarlierRoundsView rounds={q.data?.rounds} error={q.isError && !q.data ? q.error.message : null} onRetry={() => void q.refetch()} timeZone={timeZone} /> : null}
    </details>
  );
}

export function EarlierRoundsView({ rounds, error, onRetry, timeZone }: { rounds: TEarlierRound[] | undefined; error: string | null; onRetry(): void; timeZone: string }) {
  if (error) {
    return (
      <div className="row" style={{ gap: 6 }}>
        <p className="small" role="alert" style={{ margin: 0 }}>Earlier rounds could not be loaded: {error}</p>
        <Button variant="secondary" onClick={onRetry}>Try again</Button>
      </div>
    );
  }
  if (!rounds) return <p className="small muted" role="status">Loading earlier rounds…</p>;
  if (rounds.length === 0) return <p className="small muted" style={{ margin: 0 }}>No earlier rounds yet: rooms you open and close show up here.</p>;
  const clock = clockFormatter(timeZone);
  return (
    <ol className={s.list} aria-label="Earlier rounds">
      {rounds.map((r, i) => {
        const title = `Round ${rounds.length - i}, ${clock.format(new Date(r.openedAt))}–${clock.format(new Date(r.closedAt))}`;
        const unanswered = r.calls.filter((c) => !c.answeredAt).length;
        return (
          <li key={r.id} className={s.room} aria-label={title} style={{ display: 'grid' }}>
            <strong className="small">{title}</strong>
            <ul className={s.list}>
              {r.rooms.map((room) => (
                <li key={room.id} className="small">
                  <span><strong>{room.name}</strong>: {room.members.length === 0 ? <span className="muted">nobody</span> : room.members.map((m) => m.name).join(', ')}</span>
                </li>
              ))}
            </ul>
            {r.calls.length === 0 ? (
              <span className="small muted">No calls to the host.</span>
            ) : (
              <ul className={s.list} aria-label={`Calls to the host${unanswered ? `, ${unanswered} not answered` : ''}`}>
                {r.calls.map((c) => (
                  <li key={c.id} className="small">
                    <span>
                      {clock.format(new Date(c.at))} <strong>{c.by.name}</strong> called from {c.roomName}:{' '}
                      {c.answeredAt ? `${c.answeredBy ?? 'a host'} joined at ${clock.format(new Date(c.answeredAt))}` : <strong>not answered</strong>}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
