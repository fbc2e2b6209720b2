'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { api } from './api';
import { usePendingChime } from './pending-sound';
import { useRoomData } from './use-room-data';
import s from './room.module.css';

/** Hosts' list of requests to come on screen: live, with a chime and a count; accept or decline. */
export function HostRequests({ sessionId }: { sessionId: string }) {
  const room = useRoomData(sessionId);
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const data = room.data;
  usePendingChime(data?.pendingCount, !!data?.canModerate);
  if (!data?.canModerate) return null;
  const decide = async (requestId: string, decision: 'accept' | 'decline' | 'move_back') => {
    setError(null);
    try {
      await api(`/api/stage-requests/${requestId}`, { method: 'POST', body: { decision } });
    } catch (e) {
      setError((e as Error).message);
    }
    await qc.invalidateQueries({ queryKey: [`session:${sessionId}`] });
  };
  const places = data.stageLimit - data.onStage.length;
  return (
    <section className={s.requests} aria-label="Requests to join">
      <h2 className={s.panelTitle}>
        Requests to join <span className={s.count} aria-label={`${data.pendingCount} pending`}>{data.pendingCount}</span>
      </h2>
      <p className="small muted">{places > 0 ? `${places} of ${data.stageLimit} places on screen free.` : 'The stage is full: move someone back to accept another request.'}</p>
      {data.pending.length === 0 ? <p className="small muted">No one is asking right now.</p> : null}
      <ul className={s.people}>
        {data.pending.map((r) => (
          <li key={r.requestId} aria-label={`Request from ${r.name}`}>
            <span>{r.name}</span>
            <span className="row" style={{ gap: 6 }}>
              <Button onClick={() => void decide(r.requestId, 'accept')}>Accept</Button>
              <Button variant="secondary" onClick={() => void decide(r.requestId, 'decline')}>Decline</Button>
            </span>
          </li>
        ))}
      </ul>
      {error ? <p className="small" role="alert">{error}</p> : null}
    </section>
  );
}

/** A host's "Move to audience" for someone on stage. */
export function MoveBackButton({ sessionId, requestId, name }: { sessionId: string; requestId: string; name: string }) {
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="row" style={{ gap: 6 }}>
      <Button
        variant="ghost"
        aria-label={`Move ${name} back to the audience`}
        onClick={async () => {
          setError(null);
          try {
            await api(`/api/stage-requests/${requestId}`, { method: 'POST', body: { decision: 'move_back' } });
          } catch (e) {
            setError((e as Error).message);
          }
          await qc.invalidateQueries({ queryKey: [`session:${sessionId}`] });
        }}
      >
        Move to audience
      </Button>
      {error ? <span className="small" role="alert">{error}</span> : null}
    </span>
  );
}
