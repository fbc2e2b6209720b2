'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { formatDay } from '@/lib/time/format';
import { Alert, Card } from '@/components/ui/card';
import { FormError, SelectField, TextArea, TextField } from '@/components/ui/field';
import { useSubmit } from '@/components/ui/use-submit';
import type { TDeskSetup } from '@/lib/desks/desk-setup';
import type { TResult } from '@/lib/errors';
import s from './desks.module.css';

/** A new chat desk: what it is, when it is open (in the event's zone), who moderates, its rules. */
export function DeskForm({
  eventId,
  timeZone,
  dates,
  setup,
  create,
}: {
  eventId: string;
  timeZone: string;
  dates: string[];
  setup: TDeskSetup;
  create: (input: unknown) => Promise<TResult<{ deskId: string }>>;
}) {
  const router = useRouter();
  const [owner, setOwner] = useState(setup.owners[0]?.id ?? '');
  const [created, setCreated] = useState(false);
  const { submit, pending, error, fieldError } = useSubmit(create, () => {
    setCreated(true);
    router.refresh();
  });
  const people = setup.people.filter((p) => (owner ? p.companyId === owner : p.companyId === null));
  return (
    <Card>
      <h2>New chat desk</h2>
      <form
        className="stack"
        noValidate
        aria-label="New chat desk"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          const text = (k: string) => String(f.get(k) ?? '');
          submit({
            eventId,
            companyId: owner || null,
            name: text('name'),
            description: text('description'),
            welcomeMessage: text('welcomeMessage'),
            date: text('date'),
            opensAt: text('opensAt'),
            closesAt: text('closesAt'),
            limitPerModerator: text('limitPerModerator'),
            retentionDays: text('retentionDays'),
            filesAllowed: f.get('filesAllowed') === 'on',
            moderatorIds: f.getAll('moderatorIds').map(String),
          });
        }}
      >
        {error && !error.fieldErrors ? <FormError message={error.message} /> : null}
        <SelectField label="Run by" value={owner} onChange={(e) => setOwner(e.target.value)} error={fieldError('companyId')}>
          {setup.owners.map((o) => (
            <option key={o.id ?? 'event'} value={o.id ?? ''}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Name" name="name" required placeholder="Application Q&A" error={fieldError('name')} />
        <TextArea label="Description" name="description" rows={2} error={fieldError('description')} />
        <TextArea label="Welcome message" name="welcomeMessage" rows={3} hint="Shown at the top of every conversation." error={fieldError('welcomeMessage')} />
        <div className="row">
          <SelectField label="Day" name="date" error={fieldError('date')}>
            {dates.map((d) => (
              <option key={d} value={d}>
                {formatDay(d)}
              </option>
            ))}
          </SelectField>
          <TextField label={`Opens (${timeZone})`} name="opensAt" type="time" defaultValue="09:00" error={fieldError('opensAt')} />
          <TextField label={`Closes (${timeZone})`} name="closesAt" type="time" defaultValue="17:00" error={fieldError('closesAt')} />
        </div>
        <div className="row">
          <TextField label="Open conversations per moderator" name="limitPerModerator" type="number" min={1} max={20} defaultValue="3" error={fieldError('limitPerModerator')} />
          <TextField label="Keep conversations for (days after the event)" name="retentionDays" type="number" min={0} max={3650} defaultValue="30" error={fieldError('retentionDays')} />
        </div>
        <label className="row small">
          <input type="checkbox" name="filesAllowed" /> Participants and moderators may share files
        </label>
        <fieldset className={s.moderators}>
          <legend>Moderators</legend>
          {people.length === 0 ? <p className="muted small">Nobody can moderate for this owner yet.</p> : null}
          {people.map((p) => (
            <label key={p.id} className="row small">
              <input type="checkbox" name="moderatorIds" value={p.id} /> {p.name} <span className="muted">{p.email}</span>
            </label>
          ))}
          {fieldError('moderatorIds') ? <span role="alert" className="small">{fieldError('moderatorIds')}</span> : null}
        </fieldset>
        {created ? <Alert tone="ok">Desk created.</Alert> : null}
        <div>
          <Button type="submit" disabled={pending}>{pending ? 'Creating…' : 'Create desk'}</Button>
        </div>
      </form>
    </Card>
  );
}
