'use client';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { clockFormatter } from '@/lib/time/format';
import { BreakoutCountdown } from './countdown';
import { EarlierRounds } from './earlier-rounds';
import { useRoomSwitch } from './room-switch';
import { useBreakoutAction, useBreakouts, type TBreakoutAction, type TBreakoutAssignment, type TBreakoutPerson, type TBreakoutRoom, type TBreakoutRound, type TBreakoutView } from './use-breakouts';
import s from './breakouts.module.css';

/** Runs one action; true when the server took it (its error shows in the panel otherwise). */
type TRun = (body: TBreakoutAction) => Promise<boolean>;

export type TBreakoutsPanelProps = {
  view: TBreakoutView | undefined;
  loadError: string | null;
  onRetry(): void;
  run: TRun;
  busy: boolean;
  actionError: string | null;
  /** The breakout room this host is in now, if any. */
  hereRoomId: string | null;
  onJoin(roomId: string): void;
  /** The event's time zone: the session's end is written in it. */
  timeZone: string;
};

/** The hosts' Breakouts tab: create rooms, assign people, open with a timer, run and close them. */
export function BreakoutsPanel({ sessionId, timeZone }: { sessionId: string; timeZone: string }) {
  const q = useBreakouts(sessionId);
  const act = useBreakoutAction(sessionId);
  const { place, goTo } = useRoomSwitch();
  const run: TRun = async (body) => {
    try {
      await act.mutateAsync(body);
      return true;
    } catch {
      return false;
    }
  };
  return (
    <BreakoutsPanelView
      view={q.data}
      loadError={q.isError && !q.data ? q.error.message : null}
      onRetry={() => void q.refetch()}
      run={run}
      busy={act.isPending}
      actionError={act.isError ? act.error.message : null}
      hereRoomId={place.kind === 'breakout' ? place.roomId : null}
      onJoin={(roomId) => goTo({ kind: 'breakout', roomId })}
      timeZone={timeZone}
      history={<EarlierRounds sessionId={sessionId} liveRoundId={q.data?.round?.id ?? null} timeZone={timeZone} />}
    />
  );
}

/** Where focus goes once an action is done and the control that had it is gone (the form, the moved row, a disabled button). */
function focusAfter(body: TBreakoutAction): string | null {
  switch (body.action) {
    case 'create':
    case 'open':
      return '[data-focus="round"]';
    case 'assign':
      return `#room-for-${CSS.escape(body.userId)}`;
    case 'close':
      return '[data-focus="create"]';
    case 'broadcast':
      return '#breakout-broadcast';
    default:
      return null;
  }
}

/**
 * Where focus should go next, if it gets lost. Kept outside the component: closing the rooms takes
 * a host who is in one back to the main session, and the panel is mounted anew there.
 */
let pendingFocus: { selector: string; until: number } | null = null;

/** Focuses what the last action asked for, if it is there (under `root`) and focus was lost. */
function focusPending(root: ParentNode | null | undefined): void {
  const w = pendingFocus;
  if (!w || !root) return;
  if (Date.now() > w.until) {
    pendingFocus = null;
    return;
  }
  const el = root.querySelector<HTMLElement>(w.selector);
  const lost = !document.activeElement || document.activeElement === document.body;
  if (el && lost) {
    el.focus();
    pendingFocus = null;
  }
}

/**
 * Keyboard users keep their place: after an action, once the view shows its result, focus moves
 * to what follows from it — but only if focus was lost (on the page's body), never away from
 * something the person moved to meanwhile, and only for a few seconds. The view may already show
 * the result when the action's answer arrives (it is read again before), so the answer tries at
 * once too, on the panel that is on the page then.
 */
function useFocusAfterActions(run: TRun) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => focusPending(panel.current));
  const tracked: TRun = async (body) => {
    const ok = await run(body);
    const selector = ok ? focusAfter(body) : null;
    if (selector) {
      pendingFocus = { selector, until: Date.now() + 5_000 };
      requestAnimationFrame(() => focusPending(document.querySelector('[data-breakouts-panel]')));
    }
    return ok;
  };
  return { panel, run: tracked };
}

export function BreakoutsPanelView(props: TBreakoutsPanelProps & { history?: ReactNode }) {
  const focus = useFocusAfterActions(props.run);
  const p = { ...props, run: focus.run };
  if (p.loadError) {
    return (
      <div className={s.panel}>
        <p className="small" role="alert">Breakout rooms could not be loaded: {p.loadError}</p>
        <div><Button variant="secondary" onClick={p.onRetry}>Try again</Button></div>
      </div>
    );
  }
  if (!p.view) return <p className="small muted" role="status">Loading breakout rooms…</p>;
  const { view } = p;
  return (
    <div className={s.panel} ref={focus.panel} data-breakouts-panel>
      {view.round ? <RoundView {...p} view={view} round={view.round} /> : <CreateRound maxRooms={view.maxRooms} run={p.run} busy={p.busy} />}
      {p.actionError ? <p className="small" role="alert">{p.actionError}</p> : null}
      {p.history}
    </div>
  );
}

const MODES: { value: TBreakoutAssignment; label: string; hint: string }[] = [
  { value: 'auto_present', label: 'Split those here now', hint: 'An even split of the people in the main room right now.' },
  { value: 'auto_registered', label: 'Split everyone signed up', hint: 'An even split of everyone signed up, here or not.' },
  { value: 'manual', label: 'Assign by hand', hint: 'You pick a room for each person.' },
  { value: 'choose', label: 'Let participants choose', hint: 'Each participant picks a room.' },
];

const defaultName = (i: number) => `Room ${i + 1}`;

function CreateRound({ maxRooms, run, busy }: { maxRooms: number; run: TRun; busy: boolean }) {
  const [count, setCount] = useState(Math.min(2, maxRooms));
  const [names, setNames] = useState<string[]>([]);
  const [mode, setMode] = useState<TBreakoutAssignment>('auto_present');
  const valid = Number.isInteger(count) && count >= 1 && count <= maxRooms;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    const list = Array.from({ length: count }, (_, i) => names[i]?.trim() || defaultName(i));
    void run({ action: 'create', roomCount: count, names: list, assignment: mode });
  };
  return (
    <form onSubmit={onSubmit} className={s.panel} aria-label="Create breakout rooms">
      <p className="small muted" style={{ margin: 0 }} tabIndex={-1} data-focus="create">No breakout rooms yet. Create them, check who goes where, then open them with a timer.</p>
      <label className="small" htmlFor="breakout-count">Number of rooms (up to {maxRooms})</label>
      <input id="breakout-count" type="number" min={1} max={maxRooms} value={Number.isNaN(count) ? '' : count} onChange={(e) => setCount(e.target.valueAsNumber)} aria-invalid={!valid} aria-describedby={valid ? undefined : 'breakout-count-error'} />
      {!valid ? <span id="breakout-count-error" className="small" role="alert">Choose between 1 and {maxRooms} rooms.</span> : null}
      {valid ? (
        <fieldset>
          <legend className="small">Names</legend>
          <div className={s.names}>
            {Array.from({ length: count }, (_, i) => (
              <input
                key={i}
                aria-label={`Name of room ${i + 1}`}
                placeholder={defaultName(i)}
                maxLength={60}
                value={names[i] ?? ''}
                onChange={(e) => setNames((old) => Object.assign([...old], { [i]: e.target.value }))}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      <fieldset>
        <legend className="small">Assign people</legend>
        {MODES.map((m) => (
          <label key={m.value} className="small">
            <input type="radio" name="breakout-mode" value={m.value} checked={mode === m.value} onChange={() => setMode(m.value)} /> {m.label} <span className="muted">— {m.hint}</span>
          </label>
        ))}
      </fieldset>
      <div><Button type="submit" disabled={busy || !valid}>Create rooms</Button></div>
    </form>
  );
}

function RoundView(p: TBreakoutsPanelProps & { view: TBreakoutView; round: TBreakoutRound }) {
  const { round, view, run, busy } = p;
  const open = round.status === 'open';
  return (
    <>
      <section className={s.section} aria-label="Breakout round" style={{ borderTop: 'none', paddingTop: 0 }}>
        {open ? (
          <span className="row" style={{ gap: 8 }} tabIndex={-1} data-focus="round">
            <strong>Rooms are open.</strong>
            {round.endsAt ? <BreakoutCountdown endsAtIso={round.endsAt} skewMs={view.skewMs} /> : null}
          </span>
        ) : (
          <span className="small" tabIndex={-1} data-focus="round">
            <strong>Not open yet.</strong> {round.assignment === 'choose' ? 'Participants pick their rooms now; you can still move anyone.' : 'Check who goes where, then open the rooms.'}
          </span>
        )}
        <MinutesForm key={round.status} kind={open ? 'extend' : 'open'} round={round} view={view} run={run} busy={busy} timeZone={p.timeZone} />
        <CloseAll roundId={round.id} open={open} run={run} busy={busy} />
      </section>
      {open ? <BroadcastForm roundId={round.id} run={run} busy={busy} /> : null}
      <section className={s.section} aria-label="Rooms">
        <h3 className={s.title}>Rooms</h3>
        {round.rooms.map((room) => (
          <RoomCard key={room.id} room={room} round={round} run={run} busy={busy} here={p.hereRoomId === room.id} onJoin={open ? () => p.onJoin(room.id) : undefined} />
        ))}
      </section>
      <section className={s.section} aria-label="Not in a room">
        <h3 className={s.title}>Not in a room ({round.unassigned.length})</h3>
        {round.unassigned.length === 0 ? <p className="small muted" style={{ margin: 0 }}>Everyone in the session has a room.</p> : (
          <>
            <p className="small muted" style={{ margin: 0 }}>{open ? 'People who came late or went back: they stay in the main session until you give them a room.' : 'They stay in the main session unless you give them a room.'}</p>
            <ul className={s.list}>
              {round.unassigned.map((person) => (
                <li key={person.id} className={s.person}>
                  <span>{person.name}</span>
                  <PersonPicker person={person} current={null} round={round} run={run} busy={busy} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

function RoomCard({ room, round, run, busy, here, onJoin }: { room: TBreakoutRoom; round: TBreakoutRound; run: TRun; busy: boolean; here: boolean; onJoin?: () => void }) {
  const present = new Set(room.present.map((x) => x.id));
  return (
    <div className={s.room} role="group" aria-label={room.name}>
      <div className={s.roomHead}>
        <strong>{room.name} <span className="small muted">({room.memberCount})</span></strong>
        {onJoin ? here ? <span className="small">You are here</span> : <Button variant="secondary" onClick={onJoin}>Join {room.name}</Button> : null}
      </div>
      {room.members.length === 0 ? <p className="small muted" style={{ margin: 0 }}>Nobody assigned yet.</p> : null}
      <ul className={s.list} aria-label={`People in ${room.name}`}>
        {room.members.map((person) => (
          <li key={person.id} className={s.person}>
            <span>
              {person.name}{' '}
              {round.status === 'open' ? present.has(person.id) ? <span className={s.here}>here</span> : <span className={s.away}>not here</span> : null}
            </span>
            <PersonPicker person={person} current={room.id} round={round} run={run} busy={busy} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A room for one person: pick it, then Move (a select that moved people on every arrow key would be a trap). */
function PersonPicker({ person, current, round, run, busy }: { person: TBreakoutPerson; current: string | null; round: TBreakoutRound; run: TRun; busy: boolean }) {
  const [target, setTarget] = useState(current ?? '');
  const id = `room-for-${person.id}`;
  return (
    <span className={s.picker}>
      <label htmlFor={id} className="visually-hidden">Room for {person.name}</label>
      <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">Main session</option>
        {round.rooms.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
      </select>
      <Button variant="ghost" aria-label={`Move ${person.name}`} disabled={busy || target === (current ?? '')} onClick={() => void run({ action: 'assign', roundId: round.id, userId: person.id, roomId: target || null })}>
        Move
      </Button>
    </span>
  );
}

/** "15:30" on this browser's clock: when the session ends, the latest any round can close. */
export const sessionEndLabel = (iso: string, timeZone: string) => clockFormatter(timeZone).format(new Date(iso));

/**
 * Minutes for the timer: opening the rooms (1–120) or adding to their time (1–60). A round never
 * outlasts its session (the server clamps the end): the form says so before the host submits.
 */
function MinutesForm({ kind, round, view, run, busy, timeZone }: { kind: 'open' | 'extend'; round: TBreakoutRound; view: TBreakoutView; run: TRun; busy: boolean; timeZone: string }) {
  const open = kind === 'open';
  const max = open ? 120 : 60;
  const [minutes, setMinutes] = useState(open ? 15 : 5);
  const valid = Number.isInteger(minutes) && minutes >= 1 && minutes <= max;
  const id = `breakout-${kind}-minutes`;
  const sessionEnd = Date.parse(view.sessionEndsAt);
  const now = Date.now() + view.skewMs;
  const from = open || !round.endsAt ? now : Math.max(Date.parse(round.endsAt), now);
  const endLabel = sessionEndLabel(view.sessionEndsAt, timeZone);
  if (now >= sessionEnd) {
    return <p className="small" role="status" style={{ margin: 0 }}>The session ended at {endLabel}: {open ? 'these rooms cannot open any more.' : 'the rooms close now.'}</p>;
  }
  if (!open && round.endsAt && Date.parse(round.endsAt) >= sessionEnd) {
    return <p className="small muted" style={{ margin: 0 }}>The rooms stay open until the session ends at {endLabel}; they cannot run longer.</p>;
  }
  const capped = valid && from + minutes * 60_000 >= sessionEnd;
  const noteId = `${id}-note`;
  return (
    <form className={s.minutes} aria-label={open ? 'Open the rooms' : 'Extend the rooms'} onSubmit={(e) => {
      e.preventDefault();
      if (valid) void run({ action: kind, roundId: round.id, minutes });
    }}>
      <span className="row" style={{ gap: 6 }}>
        <label className="small" htmlFor={id}>{open ? 'Minutes' : 'Add minutes'} (1–{max})</label>
        <input id={id} type="number" min={1} max={max} value={Number.isNaN(minutes) ? '' : minutes} onChange={(e) => setMinutes(e.target.valueAsNumber)} aria-invalid={!valid} aria-describedby={noteId} style={{ width: '5em' }} />
        <Button type="submit" variant={open ? 'primary' : 'secondary'} disabled={busy || !valid}>{open ? 'Open rooms' : 'Extend'}</Button>
      </span>
      <span id={noteId} className="small muted" role={capped ? 'status' : undefined}>
        {!valid ? `Choose between 1 and ${max} minutes.` : capped ? `The rooms will close at ${endLabel}, when the session ends.` : `The session ends at ${endLabel}; the rooms close then at the latest.`}
      </span>
    </form>
  );
}

function CloseAll({ roundId, open, run, busy }: { roundId: string; open: boolean; run: TRun; busy: boolean }) {
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const returning = useRef(false);
  const label = open ? 'Close all rooms now' : 'Discard these rooms';
  // Cancel (button or Escape) puts focus back on the button that asked.
  useEffect(() => {
    if (!asking && returning.current) {
      returning.current = false;
      trigger.current?.focus();
    }
  }, [asking]);
  const cancel = () => {
    returning.current = true;
    setAsking(false);
  };
  if (!asking) return <div><Button ref={trigger} variant="danger" onClick={() => setAsking(true)}>{label}</Button></div>;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      cancel();
    }
  };
  return (
    <div className={s.confirm} role="alertdialog" aria-label={label} aria-describedby={`confirm-${roundId}`} onKeyDown={onKeyDown}>
      <span className="small" id={`confirm-${roundId}`}>{open ? 'Close every breakout room now? Everyone returns to the main session.' : 'Discard these rooms and their assignments?'}</span>
      <span className="row" style={{ gap: 6 }}>
        <Button variant="danger" autoFocus disabled={busy} onClick={async () => setAsking(!(await run({ action: 'close', roundId })))}>{open ? 'Yes, close all rooms' : 'Yes, discard'}</Button>
        <Button variant="secondary" onClick={cancel}>Cancel</Button>
      </span>
    </div>
  );
}

function BroadcastForm({ roundId, run, busy }: { roundId: string; run: TRun; busy: boolean }) {
  const [body, setBody] = useState('');
  const [sent, setSent] = useState(false);
  return (
    <form className={s.section} aria-label="Broadcast to all rooms" onSubmit={async (e) => {
      e.preventDefault();
      if (!body.trim()) return;
      if (await run({ action: 'broadcast', roundId, body: body.trim() })) {
        setBody('');
        setSent(true);
      }
    }}>
      <label className="small" htmlFor="breakout-broadcast">Message to all rooms</label>
      <textarea id="breakout-broadcast" rows={2} maxLength={500} value={body} onChange={(e) => { setBody(e.target.value); setSent(false); }} />
      <span className="row" style={{ gap: 6 }}>
        <Button type="submit" disabled={busy || !body.trim()}>Send to all rooms</Button>
        {sent ? <span className="small" role="status">Sent: every room sees it as a banner and in its chat.</span> : null}
      </span>
    </form>
  );
}
