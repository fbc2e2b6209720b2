'use client';
import { useRefreshAfterChange } from '@/components/live/use-refresh-after-change';
import { useMemo, useState } from 'react';
import { useChatActions } from '@/components/chats/chat-actions-context';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import { ModeBadge } from '@/components/ui/mode-badge';
import { useSubmit } from '@/components/ui/use-submit';
import type { TRecruiterDay } from '@/lib/chats/queries';
import type { TSlotClash } from '@/lib/chats/set-availability';
import { slotGrid } from '@/lib/chats/slot-grid';
import { clockFormatter, formatInstant } from '@/lib/time/format';
import s from './chats.module.css';

export function AvailabilityDay({ view, dayLabel, timeZone, recruiterId, nowIso }: {
  view: TRecruiterDay;
  dayLabel: string;
  timeZone: string;
  recruiterId?: string;
  /** The server's now: slots that have started are shown as past and cannot be chosen. */
  nowIso: string;
}) {
  const { day, slots: existing } = view;
  const router = useRefreshAfterChange();
  const [duration, setDuration] = useState(view.durationMinutes ?? day.chatDurations[0]!);
  // A duration change clears the chosen slots: it waits here until the person agrees.
  const [askDuration, setAskDuration] = useState<number | null>(null);
  const [mode, setMode] = useState(view.mode);
  const booked = useMemo(() => new Map(existing.filter((e) => e.bookedBy).map((e) => [e.startsAt, e.bookedBy!])), [existing]);
  const [selected, setSelected] = useState(() => new Set(existing.map((e) => e.startsAt)));
  const now = Date.parse(nowIso);
  const grid = useMemo(() => slotGrid(day, duration, timeZone).map((g) => g.startsAt.toISOString()), [day, duration, timeZone]);
  const clock = useMemo(() => clockFormatter(timeZone), [timeZone]);
  const [clashes, setClashes] = useState<TSlotClash[]>([]);
  const { setAvailabilityAction } = useChatActions();
  const { submit, pending, error, done } = useSubmit(setAvailabilityAction, (res) => {
    setClashes(res.clashes);
    // What could not be saved is not selected any more: the grid shows what is stored.
    if (res.clashes.length) setSelected((prev) => new Set([...prev].filter((iso) => !res.clashes.some((c) => c.startsAt === iso))));
    router.refresh();
  });
  const tipBase = `who-${day.id}-${recruiterId ?? 'me'}`;
  const isPast = (iso: string) => Date.parse(iso) <= now;
  const canToggle = (iso: string) => !booked.has(iso) && !isPast(iso);
  const toggle = (iso: string) => setSelected((prev) => {
    const next = new Set(prev);
    if (next.has(iso)) next.delete(iso);
    else next.add(iso);
    return next;
  });
  const setMany = (isos: string[], on: boolean) => setSelected((prev) => {
    const next = new Set(prev);
    for (const iso of isos.filter(canToggle)) {
      if (on) next.add(iso);
      else next.delete(iso);
    }
    return next;
  });
  const chosen = grid.filter((iso) => selected.has(iso) || booked.has(iso));
  const clearable = chosen.filter((iso) => !booked.has(iso)).length;
  // A list by hour: on a phone a row of three or four slots with its own select-all.
  const hours = useMemo(() => {
    const byHour = new Map<string, string[]>();
    for (const iso of grid) {
      const hour = `${clock.format(new Date(iso)).slice(0, 2)}:00`;
      byHour.set(hour, [...(byHour.get(hour) ?? []), iso]);
    }
    return [...byHour];
  }, [grid, clock]);
  // Hours whose every slot has started fold into one line: on a live day the first usable slot
  // would otherwise sit below dozens of rows of "Past". Booked ones stay, so a chat is never hidden.
  const [showPast, setShowPast] = useState(false);
  const pastHours = hours.filter(([, isos]) => isos.every((iso) => isPast(iso) && !booked.has(iso)));
  const pastCount = pastHours.reduce((n, [, isos]) => n + isos.length, 0);
  const shownHours = showPast ? hours : hours.filter((h) => !pastHours.includes(h));
  const pastId = `past-${day.id}-${recruiterId ?? 'me'}`;
  const changeDuration = (next: number) => {
    if (clearable > 0) setAskDuration(next);
    else {
      setDuration(next);
      setSelected(new Set(booked.keys()));
    }
  };
  return (
    <section className="stack" aria-label={`Availability on ${dayLabel}`}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h3 style={{ margin: 0 }}>
          {dayLabel} <ModeBadge mode={day.recruitersChooseMode ? 'hybrid' : day.mode} />
        </h3>
        <span className="muted small">{chosen.length} of {grid.length} slots selected</span>
      </div>
      <div className="row">
        <div style={{ minWidth: 180 }}>
          <SelectField label="Chat duration" value={String(askDuration ?? duration)} onChange={(e) => changeDuration(Number(e.target.value))}>
            {day.chatDurations.map((d) => <option key={d} value={d}>{d} minutes</option>)}
          </SelectField>
        </div>
        {day.recruitersChooseMode ? (
          <fieldset className={s.modeChoice}>
            <legend className="small">Your chats this day</legend>
            {(['virtual', 'in_person'] as const).map((m) => (
              <label key={m} className="small">
                <input type="radio" name={`mode-${day.id}`} value={m} checked={mode === m} onChange={() => setMode(m)} /> {m === 'virtual' ? 'Virtual (video)' : 'In person'}
              </label>
            ))}
          </fieldset>
        ) : null}
        <Button type="button" variant="secondary" onClick={() => setMany(grid, true)}>Select all</Button>
        <Button type="button" variant="ghost" onClick={() => setSelected(new Set([...booked.keys(), ...[...selected].filter(isPast)]))}>Clear</Button>
      </div>
      {askDuration !== null ? (
        <div className={s.confirmBox} role="alertdialog" aria-label="Change the chat duration?">
          <p style={{ margin: 0 }}>
            Changing to {askDuration}-minute chats clears the {clearable} slot{clearable === 1 ? '' : 's'} you selected on {dayLabel}{booked.size ? ' (booked chats stay)' : ''}. You then pick the new slots and save.
          </p>
          <div className="row">
            <Button type="button" variant="danger" autoFocus onClick={() => { setDuration(askDuration); setSelected(new Set(booked.keys())); setAskDuration(null); }}>
              Change to {askDuration} minutes
            </Button>
            <Button type="button" variant="ghost" onClick={() => setAskDuration(null)}>Keep {duration} minutes</Button>
          </div>
        </div>
      ) : null}
      <p className={`small muted ${s.legend}`} style={{ margin: 0 }}>
        <span className={s.swatch} data-state="available" aria-hidden="true" /> Available
        <span className={s.swatch} data-state="booked" aria-hidden="true" /> Booked
        <span className={s.swatch} data-state="off" aria-hidden="true" /> Off
        <span className={s.swatch} data-state="past" aria-hidden="true" /> Past
      </p>
      {grid.length === 0 ? (
        <p className="muted">No {duration}-minute slot fits this day&apos;s opening hours.</p>
      ) : (
        <div className={s.hours} role="group" aria-label={`Slots on ${dayLabel}`} id={pastId}>
          {pastCount > 0 ? (
            <p className={`small muted ${s.pastNote}`}>
              {pastCount === 1 ? '1 earlier slot has passed' : `${pastCount} earlier slots have passed`}
              <Button type="button" variant="ghost" aria-expanded={showPast} aria-controls={pastId} onClick={() => setShowPast((v) => !v)}>
                {showPast ? 'Hide' : 'Show'}
                <span className="visually-hidden"> past slots on {dayLabel}</span>
              </Button>
            </p>
          ) : null}
          {shownHours.map(([hour, isos]) => {
            const open = isos.filter(canToggle);
            const allOn = open.length > 0 && open.every((iso) => selected.has(iso));
            return (
              <div key={hour} className={s.hourRow}>
                <button type="button" className={s.hourToggle} disabled={open.length === 0} aria-pressed={allOn} onClick={() => setMany(isos, !allOn)} aria-label={`Select every slot from ${hour}`}>
                  {hour}
                </button>
                <div className={s.grid}>
                  {isos.map((iso) => {
                    const who = booked.get(iso);
                    const past = isPast(iso);
                    const state = who ? 'booked' : past ? 'past' : selected.has(iso) ? 'available' : 'off';
                    return (
                      <span key={iso} className={s.slotWrap}>
                      <button
                        type="button"
                        className={s.slot}
                        data-state={state}
                        aria-pressed={selected.has(iso) || !!who}
                        // Booked slots stay focusable so the talent's full name can be read; they cannot be toggled.
                        aria-disabled={who || past ? true : undefined}
                        onClick={() => (canToggle(iso) ? toggle(iso) : undefined)}
                        aria-describedby={who ? `${tipBase}-${iso}` : undefined}
                      >
                        {formatInstant(new Date(iso), timeZone, { withDay: false })}
                        <span className={s.slotSub}>{who ? `Booked · ${who}` : past ? 'Past' : selected.has(iso) ? 'Available' : 'Off'}</span>
                      </button>
                      {/* Beside the button, not in it: a button's content is not read as a separate tooltip. */}
                      {who ? <span id={`${tipBase}-${iso}`} role="tooltip" className={s.tip}>Booked by {who} — cancel the chat to free it</span> : null}
                      </span>
                    );
                  })}
                </div>
              </div>
            );
          })}
        </div>
      )}
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {done && clashes.length === 0 ? <Alert tone="ok">Availability saved.</Alert> : null}
      {done && clashes.length > 0 ? (
        <Alert tone="warn">
          Saved the other slots. {clashes.length === 1 ? 'This one overlaps' : 'These overlap'} your 1-1 chat slots in another event, so {clashes.length === 1 ? 'it was' : 'they were'} not saved:
          <ul>
            {clashes.map((c) => <li key={c.startsAt}>{c.label} — overlaps {c.otherLabel} in {c.otherEvent}</li>)}
          </ul>
          Free that time in the other event first if you want it here.
        </Alert>
      ) : null}
      <div>
        <Button type="button" disabled={pending || askDuration !== null} onClick={() => submit({ eventDayId: day.id, recruiterId, durationMinutes: duration, startTimes: chosen, mode: day.recruitersChooseMode ? mode : undefined })}>
          {pending ? 'Saving…' : `Save ${dayLabel}`}
        </Button>
      </div>
    </section>
  );
}
