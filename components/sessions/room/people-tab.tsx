'use client';
import { MoveBackButton } from './host-requests';
import { StageButton } from './stage-controls';
import { useRoomData } from './use-room-data';
import s from './room.module.css';

/** Hosts, who is on screen, and who is in the audience (from LiveKit's attendance webhooks). */
export function PeopleTab({ sessionId }: { sessionId: string }) {
  const room = useRoomData(sessionId);
  const d = room.data;
  if (!d) return <p className="muted small">{room.isError ? room.error.message : 'Loading…'}</p>;
  return (
    <div className="stack" style={{ gap: 12 }}>
      <StageButton compact />
      <section aria-label="Hosts">
        <h3 className={s.tabHeading}>Hosts</h3>
        <ul className={s.people}>{d.hosts.map((h) => <li key={h.id}>{h.name}</li>)}</ul>
      </section>
      <section aria-label="On screen">
        <h3 className={s.tabHeading}>On screen ({d.onStage.length} of {d.stageLimit})</h3>
        {d.onStage.length === 0 ? <p className="small muted">Only the hosts so far.</p> : null}
        <ul className={s.people}>
          {d.onStage.map((p) => (
            <li key={p.requestId}>
              <span>{p.name}{p.status === 'accepted' ? ' (getting ready)' : ''}</span>
              {d.canModerate ? <MoveBackButton sessionId={sessionId} requestId={p.requestId} name={p.name} /> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Audience">
        <h3 className={s.tabHeading}>Audience ({d.audience.length})</h3>
        <ul className={s.people}>{d.audience.map((p) => <li key={p.id}>{p.name}</li>)}</ul>
      </section>
    </div>
  );
}
