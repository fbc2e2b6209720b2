'use client';
import { useRefreshAfterChange } from '@/components/live/use-refresh-after-change';
import type { FormEvent } from 'react';
import { useChatActions } from '@/components/chats/chat-actions-context';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { useSubmit } from '@/components/ui/use-submit';
import s from './chats.module.css';

type Settings = { bookingMode: 'direct' | 'selective'; background: string; experienceLevel: string; languages: string; topics: string; customQuestion: string };

export function ChatSettingsForm({ eventId, initial, confirmedAt, recruiterId }: { eventId: string; initial: Settings; confirmedAt: string | null; recruiterId?: string }) {
  const router = useRefreshAfterChange();
  const { saveChatSettingsAction } = useChatActions();
  const save = useSubmit((input: unknown) => saveChatSettingsAction(eventId, input), () => router.refresh());
  const { confirmAvailabilityAction } = useChatActions();
  const confirm = useSubmit((_: void) => confirmAvailabilityAction(eventId, recruiterId), () => router.refresh());
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    save.submit({ ...Object.fromEntries([...new FormData(e.currentTarget).entries()].map(([k, v]) => [k, String(v)])), recruiterId });
  };
  return (
    <div className="stack">
      <form className="stack" onSubmit={onSubmit} noValidate aria-label="1-1 chat settings">
        <fieldset className={s.radioRow} style={{ border: 'none', padding: 0, margin: 0 }}>
          <legend className="small" style={{ fontWeight: 600, marginBottom: 6 }}>Booking mode</legend>
          <label className={s.radio}>
            <input type="radio" name="bookingMode" value="direct" defaultChecked={initial.bookingMode === 'direct'} />
            <span><strong>Direct Booking</strong><br /><span className="muted small">Talents pick one of your free slots at once.</span></span>
          </label>
          <label className={s.radio}>
            <input type="radio" name="bookingMode" value="selective" defaultChecked={initial.bookingMode === 'selective'} />
            <span><strong>Selective Booking</strong><br /><span className="muted small">Talents send a request; you approve before they pick a time.</span></span>
          </label>
        </fieldset>
        <TextField label="Background you look for (optional)" name="background" defaultValue={initial.background} error={save.fieldError('background')} />
        <TextField label="Experience level (optional)" name="experienceLevel" defaultValue={initial.experienceLevel} error={save.fieldError('experienceLevel')} />
        <TextField label="Languages (optional)" name="languages" defaultValue={initial.languages} hint="Separate with commas" error={save.fieldError('languages')} />
        <TextField label="Topics (optional)" name="topics" defaultValue={initial.topics} error={save.fieldError('topics')} />
        <TextField label="A question for talents (optional)" name="customQuestion" defaultValue={initial.customQuestion} hint="Talents must answer it to send a request, and may answer it when they book directly; an answer never filters anyone out." error={save.fieldError('customQuestion')} />
        {save.error && !save.error.fieldErrors ? <Alert tone="error">{save.error.message}</Alert> : null}
        {save.done ? <Alert tone="ok">Settings saved.</Alert> : null}
        <div><Button type="submit" variant="secondary" disabled={save.pending}>{save.pending ? 'Saving…' : 'Save settings'}</Button></div>
      </form>
      {confirmedAt ? (
        <Alert tone="ok">Your availability is confirmed: talents can see you and book. Everything stays editable.</Alert>
      ) : (
        <div className="stack">
          <Alert tone="info">Talents see you only after you confirm your availability.</Alert>
          {confirm.error ? <Alert tone="error">{confirm.error.message}</Alert> : null}
          <div><Button type="button" disabled={confirm.pending} onClick={() => confirm.submit(undefined)}>{confirm.pending ? 'Confirming…' : 'Confirm availability'}</Button></div>
        </div>
      )}
    </div>
  );
}
