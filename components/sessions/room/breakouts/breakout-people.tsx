'use client';
import { useRoomData } from '../use-room-data';
import { useBreakouts } from './use-breakouts';
import roomStyles from '../room.module.css';
import s from './breakouts.module.css';

/** People while in a breakout room: who is in this room (and connected now), and who is in the main call. */
export function BreakoutPeople({ sessionId, roomId }: { sessionId: string; roomId: string }) {
  const breakouts = useBreakouts(sessionId);
  const main = useRoomData(sessionId);
  const room = breakouts.data?.round?.rooms.find((r) => r.id === roomId);
  const present = new Set(room?.present.map((p) => p.id));
  const members = new Set(room?.members.map((p) => p.id));
  // Hosts visiting the room are connected but not members.
  const visitors = room?.present.filter((p) => !members.has(p.id)) ?? [];
  const inMain = main.data ? [...main.data.onStage.filter((p) => p.status === 'ready'), ...main.data.audience] : [];
  return (
    <div className="stack" style={{ gap: 12 }}>
      <section aria-label={`In ${room?.name ?? 'this room'}`}>
        <h3 className={roomStyles.tabHeading}>In {room?.name ?? 'this room'} ({room?.members.length ?? 0})</h3>
        {breakouts.isError ? <p className="small" role="alert">{breakouts.error.message}</p> : null}
        {!room && breakouts.isPending ? <p className="small muted">Loading…</p> : null}
        <ul className={roomStyles.people}>
          {room?.members.map((p) => (
            <li key={p.id}>
              <span>{p.name}</span>
              {present.has(p.id) ? <span className={s.here}>here</span> : <span className={s.away}>not here yet</span>}
            </li>
          ))}
          {visitors.map((p) => (
            <li key={p.id}>
              <span>{p.name}</span>
              <span className={s.here}>visiting</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="In the main session">
        <h3 className={roomStyles.tabHeading}>In the main session</h3>
        {main.isError ? <p className="small" role="alert">{main.error.message}</p> : null}
        <p className="small muted" style={{ margin: 0 }}>Hosts: {main.data?.hosts.map((h) => h.name).join(', ') || '…'}</p>
        {main.data && inMain.length === 0 ? <p className="small muted">Nobody else is in the main session right now.</p> : null}
        <ul className={roomStyles.people}>{inMain.map((p) => <li key={p.id}>{p.name}</li>)}</ul>
      </section>
    </div>
  );
}
