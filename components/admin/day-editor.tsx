'use client';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { ALLOWED_DURATIONS, type TDayFormMode } from '@/lib/events/schemas';
import s from './admin.module.css';

export type TDayValues = { date: string; mode: TDayFormMode; opensAt: string; closesAt: string; chatDurations: number[]; location?: string };

export function DayEditor({ index, day, onChange, onRemove, canRemove, fieldError }: {
  index: number;
  day: TDayValues;
  onChange: (d: TDayValues) => void;
  onRemove: () => void;
  canRemove: boolean;
  fieldError: (name: string) => string | undefined;
}) {
  const err = (f: string) => fieldError(`days.${index}.${f}`);
  const toggle = (d: number) =>
    onChange({ ...day, chatDurations: day.chatDurations.includes(d) ? day.chatDurations.filter((x) => x !== d) : [...day.chatDurations, d].sort((a, b) => a - b) });
  return (
    <div className={s.day} role="group" aria-label={`Day ${index + 1}`}>
      <div className={s.dayHead}>
        <strong>Day {index + 1}</strong>
        {canRemove ? (
          <Button type="button" variant="ghost" onClick={onRemove} aria-label={`Remove day ${index + 1}`}>
            Remove
          </Button>
        ) : null}
      </div>
      <div className={s.cols}>
        <TextField label="Date" type="date" value={day.date} onChange={(e) => onChange({ ...day, date: e.target.value })} error={err('date')} required />
        <SelectField label="Mode" value={day.mode} onChange={(e) => onChange({ ...day, mode: e.target.value as TDayValues['mode'] })} error={err('mode')}>
          <option value="virtual">Virtual</option>
          <option value="in_person">In person</option>
          <option value="hybrid">Hybrid — each recruiter chooses</option>
        </SelectField>
        <TextField label="Opens at" type="time" value={day.opensAt} onChange={(e) => onChange({ ...day, opensAt: e.target.value })} error={err('opensAt')} required />
        <TextField label="Closes at" type="time" value={day.closesAt} onChange={(e) => onChange({ ...day, closesAt: e.target.value })} error={err('closesAt')} required />
      </div>
      {day.mode !== 'virtual' ? (
        <TextField
          label="Where (for in-person chats)"
          value={day.location ?? ''}
          onChange={(e) => onChange({ ...day, location: e.target.value })}
          error={err('location')}
          maxLength={200}
          placeholder="e.g. Hall B, booth 12"
        />
      ) : null}
      <fieldset className={s.checks}>
        <legend>1-1 chat durations allowed (minutes)</legend>
        {ALLOWED_DURATIONS.map((d) => (
          <label key={d} className={s.check}>
            <input type="checkbox" checked={day.chatDurations.includes(d)} onChange={() => toggle(d)} /> {d} min
          </label>
        ))}
      </fieldset>
      {err('chatDurations') ? <span className="small" role="alert" style={{ color: 'var(--danger)' }}>{err('chatDurations')}</span> : null}
    </div>
  );
}
