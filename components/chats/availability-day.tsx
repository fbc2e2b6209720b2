'use client';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { setAvailabilityAction } from '@/app/events/[slug]/chats/actions';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import { ModeBadge } from '@/components/ui/mode-badge';
import { useSubmit } from '@/components/ui/use-submit';
import type { TRecruiterDay } from '@/lib/chats/queries';
import type { TSlotClash } from '@/lib/chats/set-availability';
import { slotGrid } from '@/lib/chats/slot-grid';
import { formatInstant } from '@/lib/time/format';
import s from './chats.module.css';

export function AvailabilityDay({ view, dayLabel, timeZone, recruiterId }: {
  view: TRecruiterDay;
  dayLabel: string;
  timeZone: string;
  recruiterId?: string;
}) {
  const { day, slots: existing } = view;
  const router = useRouter();
  const [duration, setDuration] = useState(view.durationMinutes ?? day.chatDurations[0]!);
  const [mode, setMode] = useState(view.mode);
  const booked = useMemo(() => new Map(existing.filter((e) => e.bookedBy).map((e) => [e.startsAt, e.bookedBy!])), [existing]);
  const [selected, setSelected] = useState(() => new Set(existing.map((e) => e.startsAt)));
  const grid = useMemo(() => slotGrid(day, duration, timeZone).map((g) => g.startsAt.toISOString()), [day, duration, timeZone]);
  const [clashes, setClashes] = useState<TSlotClash[]>([]);
  const { submit, pending, error, done } = useSubmit(setAvailabilityAction, (res) => {
    setClashes(res.clashes);
    // What could not be saved is not selected any more: the grid shows what is stored.
    if (res.clashes.length) setSelected((prev) => new Set([...prev].filter((iso) => !res.clashes.some((c) => c.startsAt === iso))));
    router.refresh();
  });
  const toggle = (iso: string) => setSelected((prev) => {
    const next = new Set(prev);
    if (next.has(iso)) next.delete(iso);
    else next.add(iso);
    return next;
  });
  const chosen = grid.filter((iso) => selected.has(iso) || booked.has(iso));
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
          <SelectField label="Chat duration" value={String(duration)} onChange={(e) => { setDuration(Number(e.target.value)); setSelected(new Set(booked.keys())); }}>
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
        <Button type="button" variant="secondary" onClick={() => setSelected(new Set(grid))}>Select all</Button>
        <Button type="button" variant="ghost" onClick={() => setSelected(new Set(booked.keys()))}>Clear</Button>
      </div>
      {grid.length === 0 ? (
        <p className="muted">No {duration}-minute slot fits this day&apos;s opening hours.</p>
      ) : (
        <div className={s.grid} role="group" aria-label={`Slots on ${dayLabel}`}>
          {grid.map((iso) => {
            const who = booked.get(iso);
            return (
              <button key={iso} type="button" className={s.slot} aria-pressed={selected.has(iso) || !!who} disabled={!!who} onClick={() => toggle(iso)} title={who ? `Booked by ${who} — cancel the chat to free it` : undefined}>
                {formatInstant(new Date(iso), timeZone, { withDay: false })}
                <span className={s.slotSub}>{who ? `Booked · ${who}` : selected.has(iso) ? 'Available' : 'Off'}</span>
              </button>
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
        <Button type="button" disabled={pending} onClick={() => submit({ eventDayId: day.id, recruiterId, durationMinutes: duration, startTimes: chosen, mode: day.recruitersChooseMode ? mode : undefined })}>
          {pending ? 'Saving…' : `Save ${dayLabel}`}
        </Button>
      </div>
    </section>
  );
}
