'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { clockFormatter } from '@/lib/time/format';
import { BreakoutCountdown } from './countdown';
import { MAIN, useRoomSwitch } from './room-switch';
import { useBreakoutAction, useBreakouts, useRefreshBreakouts, type TBreakoutRoom, type TBreakoutRound } from './use-breakouts';
import s from './breakouts.module.css';

/** The newest message the hosts sent to all rooms, as a banner (main room and every breakout room) until dismissed. */
export function BroadcastBanner({ sessionId }: { sessionId: string }) {
  const round = useBreakouts(sessionId).data?.round;
  const [dismissed, setDismissed] = useState<string | null>(null);
  const latest = round?.status === 'open' ? round.broadcasts[0] : undefined;
  if (!latest || latest.id === dismissed) return null;
  return (
    <div className={s.banner} role="status" aria-label="Message from the hosts">
      <span aria-hidden>📣</span>
      <span className={s.bannerText}>
        <strong>{latest.by}</strong> to all rooms: {latest.body}
      </span>
      <Button variant="ghost" onClick={() => setDismissed(latest.id)} aria-label="Dismiss the hosts’ message">Dismiss</Button>
    </div>
  );
}

/** Hosts: open "call the host" requests from the rooms, each with a way into that room. */
export function HostCalls({ sessionId, timeZone }: { sessionId: string; timeZone: string }) {
  const view = useBreakouts(sessionId).data;
  const answer = useBreakoutAction<{ ok: true; roomId: string }>(sessionId);
  const { goTo } = useRoomSwitch();
  const calls = view?.canManage && view.round?.status === 'open' ? view.round.calls : [];
  if (calls.length === 0) return null;
  // 24-hour, in the event's zone, like every time on the page ("Times in Europe/Berlin").
  const clock = clockFormatter(timeZone);
  return (
    <section className={s.calls} aria-label="Calls from breakout rooms">
      <h2 className={s.title}>A room asks for a host</h2>
      <ul className={s.list}>
        {calls.map((c) => (
          <li key={c.id}>
            <span>
              <strong>{c.by.name}</strong> in {c.roomName} <span className="small muted">· {clock.format(new Date(c.at))}</span>
            </span>
            <Button disabled={answer.isPending} onClick={() => answer.mutate({ action: 'answer_call', callId: c.id }, { onSuccess: (r) => goTo({ kind: 'breakout', roomId: r.roomId ?? c.roomId }) })}>
              Join {c.roomName}
            </Button>
          </li>
        ))}
      </ul>
      {answer.isError ? <p className="small" role="alert">{answer.error.message}</p> : null}
    </section>
  );
}

// The last open round this page saw, per session: outside the components, since the person
// comes back from a breakout room into a main room that is mounted anew.
const lastOpenRound = new Map<string, string>();

/** Whether the rooms this page saw open have closed since (until dismissed or a new round starts). */
function useRoundsClosed(sessionId: string, round: TBreakoutRound | null | undefined): { closed: boolean; dismiss(): void } {
  const [, rerender] = useState(0);
  if (round?.status === 'open') lastOpenRound.set(sessionId, round.id);
  else if (round) lastOpenRound.delete(sessionId);
  return {
    closed: round === null && lastOpenRound.has(sessionId),
    dismiss: () => {
      lastOpenRound.delete(sessionId);
      rerender((n) => n + 1);
    },
  };
}

/** Participants pick their own room when the hosts let them choose. */
function ChooseRoom({ sessionId, roundId, rooms, myRoomId }: { sessionId: string; roundId: string; rooms: TBreakoutRoom[]; myRoomId: string | null }) {
  const choose = useBreakoutAction(sessionId);
  const [roomId, setRoomId] = useState(myRoomId ?? '');
  return (
    <form
      className="row"
      style={{ gap: 8 }}
      aria-label="Choose your breakout room"
      onSubmit={(e) => {
        e.preventDefault();
        if (roomId) choose.mutate({ action: 'choose', roundId, roomId });
      }}
    >
      <label className="small" htmlFor={`choose-${roundId}`}>Your room</label>
      <select id={`choose-${roundId}`} value={roomId} onChange={(e) => setRoomId(e.target.value)}>
        <option value="">Pick a room…</option>
        {rooms.map((r) => <option key={r.id} value={r.id}>{r.name} ({r.memberCount})</option>)}
      </select>
      <Button type="submit" variant="secondary" disabled={!roomId || roomId === myRoomId || choose.isPending}>{myRoomId ? 'Switch room' : 'Choose'}</Button>
      {choose.isError ? <span className="small" role="alert">{choose.error.message}</span> : null}
    </form>
  );
}

/**
 * In the main room: what the breakout rooms mean for this person — the room they will join or
 * may go back to, the countdown, and (when hosts let them) a room picker. Hosts run the rooms
 * from the Breakouts tab; they see the countdown here.
 */
export function BreakoutNotice({ sessionId }: { sessionId: string }) {
  const view = useBreakouts(sessionId).data;
  const refresh = useRefreshBreakouts(sessionId);
  const { goTo } = useRoomSwitch();
  const round = view?.round;
  const closedNote = useRoundsClosed(sessionId, round);
  if (view && !round && closedNote.closed) {
    return (
      <section className={s.bar} aria-label="Breakout rooms">
        <span role="status">The breakout rooms have closed: everyone is back in the main session.</span>
        <Button variant="ghost" onClick={closedNote.dismiss}>Dismiss</Button>
      </section>
    );
  }
  if (!view || !round) return null;
  const mine = round.rooms.find((r) => r.id === round.myRoomId);
  const choosing = round.assignment === 'choose' && !view.canManage;
  let text: string;
  if (round.status === 'draft') text = mine ? `Breakout rooms are being prepared: you will join ${mine.name}.` : choosing ? 'Breakout rooms are being prepared: pick the one you want to join.' : 'Breakout rooms are being prepared.';
  else text = mine ? `Breakout rooms are open: yours is ${mine.name}.` : view.canManage ? 'Breakout rooms are open.' : choosing ? 'Breakout rooms are open: pick one to join.' : 'Breakout rooms are open; you stay in the main session.';
  return (
    <section className={s.bar} aria-label="Breakout rooms">
      <span>{text}</span>
      {round.status === 'open' && round.endsAt ? <BreakoutCountdown endsAtIso={round.endsAt} skewMs={view.skewMs} onEnd={() => void refresh()} /> : null}
      {round.status === 'open' && mine ? <Button onClick={() => goTo({ kind: 'breakout', roomId: mine.id })}>Go to {mine.name}</Button> : null}
      {choosing ? <ChooseRoom sessionId={sessionId} roundId={round.id} rooms={round.rooms} myRoomId={round.myRoomId} /> : null}
    </section>
  );
}

/** A member asks the hosts to come to their room; every host sees the call with the room's name. */
function CallHostButton({ sessionId, roundId }: { sessionId: string; roundId: string }) {
  const call = useBreakoutAction<{ ok: true; callId: string }>(sessionId);
  return (
    <span className="row" style={{ gap: 6 }}>
      <Button variant="secondary" disabled={call.isPending || call.isSuccess} onClick={() => call.mutate({ action: 'call_host', roundId })}>
        {call.isSuccess ? 'Host called' : 'Call the host'}
      </Button>
      {call.isSuccess ? <span className="small" role="status">The hosts see your call and can join this room.</span> : null}
      {call.isError ? <span className="small" role="alert">{call.error.message}</span> : null}
    </span>
  );
}

/** In a breakout room: its name, the countdown, the way back to the main session, and "Call the host". */
export function BreakoutBar({ sessionId, room }: { sessionId: string; room: TBreakoutRoom | undefined }) {
  const view = useBreakouts(sessionId).data;
  const refresh = useRefreshBreakouts(sessionId);
  const { goTo } = useRoomSwitch();
  const round = view?.round;
  useRoundsClosed(sessionId, round);
  const isMember = !!room && round?.myRoomId === room.id;
  return (
    <section className={s.bar} aria-label="Breakout room">
      <strong className={s.roomName}>{room?.name ?? 'Breakout room'}</strong>
      {round?.endsAt && view ? <BreakoutCountdown endsAtIso={round.endsAt} skewMs={view.skewMs} onEnd={() => void refresh()} /> : null}
      <span className="row" style={{ gap: 6, marginLeft: 'auto' }}>
        {isMember && round ? <CallHostButton sessionId={sessionId} roundId={round.id} /> : null}
        <Button variant="secondary" onClick={() => goTo(MAIN)}>Return to main session</Button>
      </span>
    </section>
  );
}
