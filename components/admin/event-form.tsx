'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { FormError, SelectField, TextArea, TextField } from '@/components/ui/field';
import { useSubmit } from '@/components/ui/use-submit';
import type { TResult } from '@/lib/errors';
import type { TZoneOption } from '@/lib/time/zones';
import { DayEditor, type TDayValues } from './day-editor';
import s from './admin.module.css';

export type TEventValues = {
  name: string;
  slug: string;
  description: string;
  timeZone: string;
  status: 'draft' | 'published' | 'live' | 'ended';
  chatInitiation: 'talents' | 'recruiters' | 'both';
  talentRequestCredits: string;
  recruiterRequestCredits: string;
  joinOpensMinutesBefore: string;
  noShowGraceMinutes: string;
  days: TDayValues[];
};

function slugify(name: string) {
  return name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

export function EventForm({ initial, zones, mode, action }: {
  initial: TEventValues;
  zones: TZoneOption[];
  mode: 'create' | 'edit';
  action: (input: TEventValues) => Promise<TResult<{ slug: string }>>;
}) {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [slugTouched, setSlugTouched] = useState(mode === 'edit');
  const { submit, pending, error, done, fieldError } = useSubmit(action, (res) => {
    if (mode === 'create') router.push(`/events/${res.slug}/manage?created=1`);
    else if (res.slug !== initial.slug) router.replace(`/events/${res.slug}/manage`);
    else router.refresh();
  });
  const set = <K extends keyof TEventValues>(k: K, value: TEventValues[K]) => setV((prev) => ({ ...prev, [k]: value }));
  const lastDay = v.days[v.days.length - 1];
  const addDay = () => {
    const next = lastDay?.date ? new Date(Date.parse(`${lastDay.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : '';
    set('days', [...v.days, { date: next, mode: 'virtual', opensAt: lastDay?.opensAt ?? '09:00', closesAt: lastDay?.closesAt ?? '17:00', chatDurations: lastDay?.chatDurations ?? [15, 30] }]);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(v);
  };
  return (
    <form onSubmit={onSubmit} className="stack" noValidate aria-label={mode === 'create' ? 'Create event' : 'Edit event'}>
      {error ? <FormError message={error.message} /> : null}
      <fieldset className={s.section}>
        <legend>Event</legend>
        <TextField label="Name" value={v.name} required error={fieldError('name')} onChange={(e) => setV((p) => ({ ...p, name: e.target.value, slug: slugTouched ? p.slug : slugify(e.target.value) }))} />
        <TextField label="Address" value={v.slug} hint={`Shown as /events/${v.slug || 'your-event'}`} required error={fieldError('slug')} onChange={(e) => { setSlugTouched(true); set('slug', e.target.value); }} />
        <TextArea label="Description" value={v.description} error={fieldError('description')} onChange={(e) => set('description', e.target.value)} />
        <div className={s.cols}>
          <SelectField label="Time zone" value={v.timeZone} error={fieldError('timeZone')} onChange={(e) => set('timeZone', e.target.value)}>
            {zones.map((z) => <option key={z.id} value={z.id}>{z.label}</option>)}
          </SelectField>
          <SelectField label="Status" value={v.status} error={fieldError('status')} hint="Drafts are visible to organizers and the people they invite." onChange={(e) => set('status', e.target.value as TEventValues['status'])}>
            <option value="draft">Draft</option>
            <option value="published">Published (registration open)</option>
            <option value="live">Live</option>
            <option value="ended">Ended</option>
          </SelectField>
        </div>
      </fieldset>
      <fieldset className={s.section}>
        <legend>1-1 chat rules</legend>
        <SelectField label="Who may start 1-1 chats" value={v.chatInitiation} error={fieldError('chatInitiation')} onChange={(e) => set('chatInitiation', e.target.value as TEventValues['chatInitiation'])}>
          <option value="both">Talents and recruiters</option>
          <option value="talents">Talents only</option>
          <option value="recruiters">Recruiters only</option>
        </SelectField>
        <div className={s.cols}>
          <TextField label="Requests per talent" type="number" min={0} max={100} inputMode="numeric" value={v.talentRequestCredits} error={fieldError('talentRequestCredits')} onChange={(e) => set('talentRequestCredits', e.target.value)} />
          <TextField label="Requests per recruiter" type="number" min={0} max={1000} inputMode="numeric" value={v.recruiterRequestCredits} hint="Leave empty for no limit." error={fieldError('recruiterRequestCredits')} onChange={(e) => set('recruiterRequestCredits', e.target.value)} />
        </div>
        <div className={s.cols}>
          <TextField label="Join opens (minutes before a video chat)" type="number" min={0} max={60} inputMode="numeric" value={v.joinOpensMinutesBefore} error={fieldError('joinOpensMinutesBefore')} onChange={(e) => set('joinOpensMinutesBefore', e.target.value)} />
          <TextField label="No-show after (minutes late)" type="number" min={1} max={60} inputMode="numeric" value={v.noShowGraceMinutes} hint="A side that has not joined by then is marked a no-show." error={fieldError('noShowGraceMinutes')} onChange={(e) => set('noShowGraceMinutes', e.target.value)} />
        </div>
      </fieldset>
      <fieldset className={s.section}>
        <legend>Days</legend>
        {fieldError('days') ? <span className="small" role="alert" style={{ color: 'var(--danger)' }}>{fieldError('days')}</span> : null}
        {v.days.map((d, i) => (
          <DayEditor
            key={i}
            index={i}
            day={d}
            canRemove={v.days.length > 1}
            fieldError={fieldError}
            onChange={(day) => set('days', v.days.map((x, j) => (j === i ? day : x)))}
            onRemove={() => set('days', v.days.filter((_, j) => j !== i))}
          />
        ))}
        <div>
          <Button type="button" variant="secondary" onClick={addDay}>
            Add a day
          </Button>
        </div>
      </fieldset>
      {done && mode === 'edit' ? <Alert tone="ok">Changes saved.</Alert> : null}
      <div className="row">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : mode === 'create' ? 'Create event' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}
