'use client';
import { useRefreshAfterChange } from '@/components/live/use-refresh-after-change';
import { useState } from 'react';
import { useChatActions } from '@/components/chats/chat-actions-context';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { SelectField, TextArea } from '@/components/ui/field';
import { useSubmit } from '@/components/ui/use-submit';
import { MIN_REQUEST_MESSAGE } from '@/lib/chats/schemas';
import type { TSlotOption } from './chat-actions';
import { useOpenedFocus } from '@/components/ui/use-opened-focus';

/**
 * `slots` null: not read yet (the page's first paint leaves them out); opening the form reads
 * them (`loadSlots`), and the Time field says so meanwhile — focus lands on it either way.
 */
export function BookForm({ recruiterName, slots, loadSlots, question, disabledReason }: { recruiterName: string; slots: TSlotOption[] | null; loadSlots: () => void; question: string; disabledReason?: string }) {
  const router = useRefreshAfterChange();
  const { open, setOpen, opener, form } = useOpenedFocus();
  const [slotId, setSlotId] = useState('');
  const [answer, setAnswer] = useState('');
  // What was just booked: on a phone the new chat sits in the hidden "Confirmed" tab, so the
  // closed form said nothing but "You already have an open chat with this recruiter".
  const [booked, setBooked] = useState<string | null>(null);
  const { bookDirectAction } = useChatActions();
  const b = useSubmit(bookDirectAction, () => { setBooked(slots?.find((x) => x.id === slotId)?.label ?? ''); setOpen(false); router.refresh(); });
  if (booked !== null && disabledReason) {
    return <Alert tone="ok">Booked with {recruiterName}{booked ? `: ${booked}` : ''}. You find it under “Confirmed chats”.</Alert>;
  }
  if (disabledReason) return <p className="muted small">{disabledReason}</p>;
  const openForm = () => {
    if (!slots) loadSlots();
    setOpen(true);
  };
  if (!open) return <div><Button ref={opener} onClick={openForm} aria-label={`Book 1-1 chat with ${recruiterName}`}>Book 1-1 chat</Button></div>;
  return (
    <div className="stack" ref={form} role="group" aria-label={`Book a 1-1 chat with ${recruiterName}`}>
      {slots?.length === 0 ? <Alert tone="info">All slots are taken right now. Slots free up when chats are cancelled.</Alert> : (
        <SelectField label="Time" value={slotId} onChange={(e) => setSlotId(e.target.value)} error={b.fieldError('slotId')} aria-busy={!slots}>
          <option value="" disabled>{slots ? 'Choose a free slot…' : 'Reading the free slots…'}</option>
          {(slots ?? []).map((s) => <option key={s.id} value={s.id} disabled={!!s.clash}>{s.clash ? `${s.label} — ${s.clash}` : s.label}</option>)}
        </SelectField>
      )}
      {question ? <TextArea label={question} value={answer} onChange={(e) => setAnswer(e.target.value)} hint={`${recruiterName} asks this — optional`} error={b.fieldError('answer')} /> : null}
      {b.error && !b.error.fieldErrors ? <Alert tone="error">{b.error.message}</Alert> : null}
      <div className="row">
        <Button disabled={b.pending || !slotId} onClick={() => b.submit({ slotId, answer })}>{b.pending ? 'Booking…' : 'Confirm booking'}</Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>Back</Button>
      </div>
    </div>
  );
}

export function RequestForm({ eventId, recruiterId, recruiterName, question, disabledReason }: { eventId: string; recruiterId: string; recruiterName: string; question: string; disabledReason?: string }) {
  const router = useRefreshAfterChange();
  const { open, setOpen, opener, form } = useOpenedFocus();
  const [message, setMessage] = useState('');
  const [answer, setAnswer] = useState('');
  const [sent, setSent] = useState(false);
  const { requestChatAction } = useChatActions();
  const r = useSubmit((input: unknown) => requestChatAction(eventId, input), () => { setSent(true); setOpen(false); router.refresh(); });
  if (sent && disabledReason) return <Alert tone="ok">Request sent to {recruiterName}. You find it under “Requests”; you hear back by notification.</Alert>;
  if (disabledReason) return <p className="muted small">{disabledReason}</p>;
  if (!open) return <div><Button ref={opener} onClick={() => setOpen(true)} aria-label={`Request 1-1 chat with ${recruiterName}`}>Request 1-1 chat</Button></div>;
  // The server has the last word; this only keeps the button honest about a blank form.
  const tooShort = message.trim().length < MIN_REQUEST_MESSAGE || (!!question && !answer.trim());
  return (
    <div className="stack" ref={form} role="group" aria-label={`Request a 1-1 chat with ${recruiterName}`}>
      <TextArea
        label="A short message"
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        required
        maxLength={1000}
        hint={`Why you would like to talk — a few words (at least ${MIN_REQUEST_MESSAGE} characters).`}
        error={r.fieldError('message')}
      />
      {question ? <TextArea label={`${recruiterName} asks: ${question}`} value={answer} onChange={(e) => setAnswer(e.target.value)} required maxLength={1000} hint="Required" error={r.fieldError('answer')} /> : null}
      {r.error && !r.error.fieldErrors ? <Alert tone="error">{r.error.message}</Alert> : null}
      <div className="row">
        <Button disabled={r.pending || tooShort} onClick={() => r.submit({ recruiterId, message, answer })}>{r.pending ? 'Sending…' : 'Send request'}</Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>Back</Button>
      </div>
    </div>
  );
}
