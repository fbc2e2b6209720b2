'use client';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { setAvailabilityAction } from '@/app/events/[slug]/chats/actions';
import { Button } from '@/components/ui/button';
import { Alert, Badge } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import { useSubmit } from '@/components/ui/use-submit';
import { slotGrid } from '@/lib/chats/slot-grid';
import s from './chats.module.css';

type Day = { id: string; date: string; mode: 'virtual' | 'in_person'; opensAt: string; closesAt: string; chatDurations: number[] };
type Existing = { startsAt: string; endsAt: string; bookedBy: string | null };

export function AvailabilityDay({ day, dayLabel, timeZone, chosenDuration, existing, recruiterId }: {
  day: Day;
  dayLabel: string;
  timeZone: string;
  chosenDuration: number | null;
  existing: Existing[];
  recruiterId?: string;
}) {
  const router = useRouter();
  const [duration, setDuration] = useState(chosenDuration ?? day.chatDurations[0]!);
  const booked = useMemo(() => new Map(existing.filter((e) => e.bookedBy).map((e) => [e.startsAt, e.bookedBy!])), [existing]);
  const [selected, setSelected] = useState(() => new Set(existing.map((e) => e.startsAt)));
  const grid = useMemo(() => slotGrid(day, duration, timeZone).map((g) => g.startsAt.toISOString()), [day, duration, timeZone]);
  const clock = useMemo(() => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }), [timeZone]);
  const { submit, pending, error, done } = useSubmit(setAvailabilityAction, () => router.refresh());
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
          {dayLabel} <Badge tone={day.mode === 'virtual' ? 'brand' : undefined}>{day.mode === 'virtual' ? 'Virtual' : 'In person'}</Badge>
        </h3>
        <span className="muted small">{chosen.length} of {grid.length} slots selected</span>
      </div>
      <div className="row">
        <div style={{ minWidth: 180 }}>
          <SelectField label="Chat duration" value={String(duration)} onChange={(e) => { setDuration(Number(e.target.value)); setSelected(new Set(booked.keys())); }}>
            {day.chatDurations.map((d) => <option key={d} value={d}>{d} minutes</option>)}
          </SelectField>
        </div>
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
                {clock.format(new Date(iso))}
                <span className={s.slotSub}>{who ? `Booked · ${who}` : selected.has(iso) ? 'Available' : 'Off'}</span>
              </button>
            );
          })}
        </div>
      )}
      {error ? <Alert tone="error">{error.message}</Alert> : null}
      {done ? <Alert tone="ok">Availability saved.</Alert> : null}
      <div>
        <Button type="button" disabled={pending} onClick={() => submit({ eventDayId: day.id, recruiterId, durationMinutes: duration, startTimes: chosen })}>
          {pending ? 'Saving…' : `Save ${dayLabel}`}
        </Button>
      </div>
    </section>
  );
}
