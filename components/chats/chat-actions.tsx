'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { acceptRequestAction, cancelChatAction, declineRequestAction, pickSlotAction, rescheduleChatAction, withdrawRequestAction } from '@/app/events/[slug]/chats/actions';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { SelectField, TextArea } from '@/components/ui/field';
import { useSubmit } from '@/components/ui/use-submit';

export type TSlotOption = { id: string; label: string };

function Feedback({ error, done, ok }: { error: { message: string } | null; done: boolean; ok: string }) {
  if (error) return <Alert tone="error">{error.message}</Alert>;
  return done ? <Alert tone="ok">{ok}</Alert> : null;
}

export function ApproveButton({ chatId }: { chatId: string }) {
  const router = useRouter();
  const [warn, setWarn] = useState(false);
  const a = useSubmit(acceptRequestAction, (r) => { setWarn(r.noFreeSlots); router.refresh(); });
  return (
    <div className="stack">
      <div><Button disabled={a.pending} onClick={() => a.submit({ chatId })}>Approve</Button></div>
      {warn ? <Alert tone="warn">Approved — but you have no free slot left. Add slots so the talent can pick a time.</Alert> : null}
      <Feedback error={a.error} done={false} ok="" />
    </div>
  );
}

export function DeclineForm({ chatId, colleagues }: { chatId: string; colleagues: { id: string; name: string }[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [suggested, setSuggested] = useState('');
  const d = useSubmit(declineRequestAction, () => router.refresh());
  if (!open) return <div><Button variant="secondary" onClick={() => setOpen(true)}>Decline…</Button></div>;
  return (
    <div className="stack">
      <TextArea label="Message to the talent" value={message} onChange={(e) => setMessage(e.target.value)} error={d.fieldError('message')} />
      {colleagues.length ? (
        <SelectField label="Suggest a colleague (optional)" value={suggested} onChange={(e) => setSuggested(e.target.value)} error={d.fieldError('suggestedRecruiterId')}>
          <option value="">No suggestion</option>
          {colleagues.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </SelectField>
      ) : null}
      <Feedback error={d.error && !d.error.fieldErrors ? d.error : null} done={false} ok="" />
      <div className="row">
        <Button variant="danger" disabled={d.pending} onClick={() => d.submit({ chatId, message, suggestedRecruiterId: suggested })}>Decline request</Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>Back</Button>
      </div>
    </div>
  );
}

export function WithdrawButton({ chatId }: { chatId: string }) {
  const router = useRouter();
  const w = useSubmit(withdrawRequestAction, () => router.refresh());
  return (
    <div className="stack">
      <div><Button variant="secondary" disabled={w.pending} onClick={() => w.submit({ chatId })}>Withdraw request</Button></div>
      <Feedback error={w.error} done={false} ok="" />
    </div>
  );
}

export function SlotPicker({ chatId, slots, mode }: { chatId: string; slots: TSlotOption[]; mode: 'pick' | 'reschedule' }) {
  const router = useRouter();
  const [slotId, setSlotId] = useState('');
  const p = useSubmit(mode === 'pick' ? pickSlotAction : rescheduleChatAction, () => router.refresh());
  if (slots.length === 0) {
    return <Alert tone="info">Every slot of this recruiter is taken right now. Slots free up when chats are cancelled — this list updates by itself.</Alert>;
  }
  return (
    <div className="stack">
      <SelectField label={mode === 'pick' ? 'Pick a time' : 'Move to'} value={slotId} onChange={(e) => setSlotId(e.target.value)} error={p.fieldError('slotId')}>
        <option value="" disabled>Choose a free slot…</option>
        {slots.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
      </SelectField>
      <Feedback error={p.error && !p.error.fieldErrors ? p.error : null} done={false} ok="" />
      <div><Button disabled={p.pending || !slotId} onClick={() => p.submit({ chatId, slotId })}>{mode === 'pick' ? 'Confirm this time' : 'Reschedule'}</Button></div>
    </div>
  );
}

/** `note` says what cancelling does to the talent's request credit. */
export function CancelForm({ chatId, note }: { chatId: string; note?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const c = useSubmit(cancelChatAction, () => router.refresh());
  if (!open) return <div><Button variant="ghost" onClick={() => setOpen(true)}>Cancel chat…</Button></div>;
  return (
    <div className="stack">
      <TextArea label="Why are you cancelling?" value={reason} onChange={(e) => setReason(e.target.value)} error={c.fieldError('reason')} />
      {note ? <p className="muted small" style={{ margin: 0 }}>{note}</p> : null}
      <Feedback error={c.error && !c.error.fieldErrors ? c.error : null} done={false} ok="" />
      <div className="row">
        <Button variant="danger" disabled={c.pending} onClick={() => c.submit({ chatId, reason })}>Cancel the chat</Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>Keep it</Button>
      </div>
    </div>
  );
}
