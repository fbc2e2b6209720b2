'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { FormError, SelectField, TextArea, TextField } from '@/components/ui/field';
import { useSubmit } from '@/components/ui/use-submit';
import type { TResult } from '@/lib/errors';
import type { THostCandidate, TSessionFormValues } from '@/lib/sessions/manage-queries';
import { KIND_LABEL, SESSION_KINDS } from '@/lib/sessions/schemas';
import { HostPicker } from './host-picker';

export const EMPTY_SESSION: TSessionFormValues = {
  title: '',
  description: '',
  kind: 'workshop',
  companyId: '',
  date: '',
  startTime: '10:00',
  endTime: '11:00',
  capacity: '',
  signUpRequired: false,
  questionsNeedApproval: false,
  stageLimit: '4',
  breakoutRoomLimit: '10',
  hostIds: [],
};

/** The organizer's form to create or edit a session. */
export function SessionForm({ initial, days, companies, candidates, label, action }: {
  initial: TSessionFormValues;
  days: { date: string; label: string }[];
  companies: { id: string; name: string }[];
  candidates: THostCandidate[];
  label: string;
  action: (input: TSessionFormValues) => Promise<TResult<{ sessionId: string }>>;
}) {
  const router = useRouter();
  const [v, setV] = useState({ ...initial, date: initial.date || days[0]?.date || '' });
  const { submit, pending, error, done, fieldError, dismiss } = useSubmit(action, () => {
    if (!initial.title) setV({ ...EMPTY_SESSION, date: v.date });
    router.refresh();
  });
  // The next change after a save starts a new piece of work: "Session created." would read as if
  // it were about what the organizer is typing now.
  const set = <K extends keyof TSessionFormValues>(k: K, value: TSessionFormValues[K]) => {
    dismiss();
    setV((p) => ({ ...p, [k]: value }));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit(v);
  };
  return (
    <form onSubmit={onSubmit} className="stack" noValidate aria-label={label}>
      <TextField label="Title" value={v.title} error={fieldError('title')} onChange={(e) => set('title', e.target.value)} />
      <TextArea label="Description" value={v.description} error={fieldError('description')} onChange={(e) => set('description', e.target.value)} />
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <SelectField label="Kind" value={v.kind} error={fieldError('kind')} onChange={(e) => set('kind', e.target.value as TSessionFormValues['kind'])}>
          {SESSION_KINDS.map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
        </SelectField>
        <SelectField label="Company" value={v.companyId} error={fieldError('companyId')} onChange={(e) => set('companyId', e.target.value)}>
          <option value="">None (the organizers’ own)</option>
          {companies.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </SelectField>
      </div>
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <SelectField label="Day" value={v.date} error={fieldError('date')} onChange={(e) => set('date', e.target.value)}>
          {days.map((d) => <option key={d.date} value={d.date}>{d.label}</option>)}
        </SelectField>
        <TextField label="Starts at" type="time" value={v.startTime} error={fieldError('startTime')} onChange={(e) => set('startTime', e.target.value)} />
        <TextField label="Ends at" type="time" value={v.endTime} error={fieldError('endTime')} hint="30 minutes to 2 hours" onChange={(e) => set('endTime', e.target.value)} />
      </div>
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <TextField label="Capacity" inputMode="numeric" value={v.capacity} error={fieldError('capacity')} hint="Blank: open to all" onChange={(e) => set('capacity', e.target.value)} />
        <TextField label="On screen at once" inputMode="numeric" value={v.stageLimit} error={fieldError('stageLimit')} hint="Audience members the hosts may bring on screen" onChange={(e) => set('stageLimit', e.target.value)} />
        <TextField label="Breakout rooms at most" inputMode="numeric" value={v.breakoutRoomLimit} error={fieldError('breakoutRoomLimit')} hint="Rooms the hosts may open at once (1–50)" onChange={(e) => set('breakoutRoomLimit', e.target.value)} />
        <label className="row small" style={{ gap: 6, marginTop: 28 }}>
          <input type="checkbox" checked={v.signUpRequired} onChange={(e) => set('signUpRequired', e.target.checked)} /> Sign-up required
        </label>
      </div>
      <label className="row small" style={{ gap: 6 }}>
        <input type="checkbox" checked={v.questionsNeedApproval} onChange={(e) => set('questionsNeedApproval', e.target.checked)} /> Questions need a host&rsquo;s approval before the audience sees them
      </label>
      <HostPicker candidates={candidates} value={v.hostIds} onChange={(ids) => set('hostIds', ids)} error={fieldError('hostIds')} />
      <FormError message={error?.message} />
      {done ? <Alert tone="ok">{initial.title ? 'Session saved.' : 'Session created.'}</Alert> : null}
      <div>
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : initial.title ? 'Save session' : 'Create session'}</Button>
      </div>
    </form>
  );
}
