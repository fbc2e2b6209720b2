'use client';
import { useRefreshAfterChange } from '@/components/live/use-refresh-after-change';
import { useState } from 'react';
import { useChatActions } from '@/components/chats/chat-actions-context';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { SelectField, TextArea } from '@/components/ui/field';
import { useSubmit } from '@/components/ui/use-submit';
import { useOpenedFocus } from '@/components/ui/use-opened-focus';

/** A confirmed chat's calendar entry (the same UID its mails carry, so both update one entry). */
export function CalendarLink({ chatId }: { chatId: string }) {
  return <a className="small" href={`/api/chats/${chatId}/ics`} download>Add to calendar (.ics)</a>;
}

/** A free slot as a choice; `clash` says why the viewer cannot take it (another chat of theirs then). */
export type TSlotOption = { id: string; label: string; clash?: string };

function Feedback({ error, done, ok }: { error: { message: string } | null; done: boolean; ok: string }) {
  if (error) return <Alert tone="error">{error.message}</Alert>;
  return done ? <Alert tone="ok">{ok}</Alert> : null;
}

/**
 * Approve a talent's request. The recruiter sees how many free slots the talent will be able to
 * pick from before approving; the result goes to the inbox, which keeps the warning in view
 * after the item moved to another tab.
 */
export function ApproveButton({ chatId, freeSlots, onApproved }: { chatId: string; freeSlots: number; onApproved: (noFreeSlots: boolean) => void }) {
  const router = useRefreshAfterChange();
  const { acceptRequestAction } = useChatActions();
  const a = useSubmit(acceptRequestAction, (r) => { onApproved(r.noFreeSlots); router.refresh(); });
  return (
    <div className="stack" style={{ gap: 6 }}>
      <p className="small muted" style={{ margin: 0, padding: '6px 10px', background: 'var(--surface-2, #f1f3f5)', borderRadius: 6 }}>
        {freeSlots === 0
          ? 'You have no free slot right now: add slots so the talent can pick a time.'
          : `You have ${freeSlots} free slot${freeSlots === 1 ? '' : 's'} for the talent to pick from.`}
      </p>
      <div><Button disabled={a.pending} onClick={() => a.submit({ chatId })}>Approve</Button></div>
      <Feedback error={a.error} done={false} ok="" />
    </div>
  );
}

/** Decline a pending request or invitation; the label names whom the message goes to. */
export function DeclineForm({ chatId, colleagues, to }: { chatId: string; colleagues: { id: string; name: string }[]; to: 'talent' | 'recruiter' }) {
  const router = useRefreshAfterChange();
  const { open, setOpen, opener, form } = useOpenedFocus();
  const [message, setMessage] = useState('');
  const [suggested, setSuggested] = useState('');
  const { declineRequestAction } = useChatActions();
  const d = useSubmit(declineRequestAction, () => router.refresh());
  if (!open) return <div><Button ref={opener} variant="secondary" onClick={() => setOpen(true)}>Decline…</Button></div>;
  return (
    <div className="stack" ref={form} role="group" aria-label="Decline">
      <TextArea label={to === 'talent' ? 'Message to the talent' : 'Message to the recruiter'} value={message} onChange={(e) => setMessage(e.target.value)} error={d.fieldError('message')} />
      {colleagues.length ? (
        <SelectField label="Suggest a colleague (optional)" value={suggested} onChange={(e) => setSuggested(e.target.value)} error={d.fieldError('suggestedRecruiterId')}>
          <option value="">No suggestion</option>
          {colleagues.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </SelectField>
      ) : null}
      <Feedback error={d.error && !d.error.fieldErrors ? d.error : null} done={false} ok="" />
      <div className="row">
        <Button variant="danger" disabled={d.pending} onClick={() => d.submit({ chatId, message, suggestedRecruiterId: suggested })}>{to === 'talent' ? 'Decline request' : 'Decline invitation'}</Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>Back</Button>
      </div>
    </div>
  );
}

/** The sender withdraws a pending request, after one confirming step (as from the ⋮ menu). */
export function WithdrawButton({ chatId }: { chatId: string }) {
  const { open, setOpen, opener, form } = useOpenedFocus();
  if (!open) return <div><Button ref={opener} variant="secondary" onClick={() => setOpen(true)}>Withdraw request…</Button></div>;
  return (
    <div className="stack" ref={form} role="group" aria-label="Withdraw request">
      <WithdrawBody chatId={chatId} onBack={() => setOpen(false)} />
    </div>
  );
}

function SlotSelect({ label, slots, value, onChange, error }: { label: string; slots: TSlotOption[]; value: string; onChange: (id: string) => void; error?: string }) {
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)} error={error}>
      <option value="" disabled>Choose a free slot…</option>
      {slots.map((s) => (
        <option key={s.id} value={s.id} disabled={!!s.clash}>{s.clash ? `${s.label} — ${s.clash}` : s.label}</option>
      ))}
    </SelectField>
  );
}

/** The talent picks the time of an approved request or a recruiter's invitation. */
export function SlotPicker({ chatId, slots, recruiterName }: { chatId: string; slots: TSlotOption[]; recruiterName: string }) {
  const router = useRefreshAfterChange();
  const [slotId, setSlotId] = useState('');
  const { pickSlotAction } = useChatActions();
  const p = useSubmit(pickSlotAction, () => router.refresh());
  if (slots.length === 0) {
    return (
      <Alert tone="info">
        {recruiterName} has no free slot right now. You can pick a time as soon as they add one — this list updates by itself. If the chat is cancelled before any slot was free, your request is given back.
      </Alert>
    );
  }
  return (
    <div className="stack">
      <SlotSelect label="Pick a time" slots={slots} value={slotId} onChange={setSlotId} error={p.fieldError('slotId')} />
      <Feedback error={p.error && !p.error.fieldErrors ? p.error : null} done={false} ok="" />
      <div><Button disabled={p.pending || !slotId} onClick={() => p.submit({ chatId, slotId })}>Confirm this time</Button></div>
    </div>
  );
}

function CancelBody({ chatId, onBack, note }: { chatId: string; onBack: () => void; note?: string }) {
  const router = useRefreshAfterChange();
  const [reason, setReason] = useState('');
  const { cancelChatAction } = useChatActions();
  const c = useSubmit(cancelChatAction, () => router.refresh());
  return (
    <>
      <TextArea label="Why are you cancelling?" value={reason} onChange={(e) => setReason(e.target.value)} error={c.fieldError('reason')} />
      {note ? <p className="muted small" style={{ margin: 0 }}>{note}</p> : null}
      <Feedback error={c.error && !c.error.fieldErrors ? c.error : null} done={false} ok="" />
      <div className="row">
        <Button variant="danger" disabled={c.pending} onClick={() => c.submit({ chatId, reason })}>Cancel the chat</Button>
        <Button variant="ghost" onClick={onBack}>Keep it</Button>
      </div>
    </>
  );
}

/**
 * Cancel an approved chat that has no time yet (the confirmed ones use the ⋮ menu).
 * `note` says what cancelling does to the talent's request credit.
 */
export function CancelForm({ chatId, note }: { chatId: string; note?: string }) {
  const { open, setOpen, opener, form } = useOpenedFocus();
  if (!open) return <div><Button ref={opener} variant="ghost" onClick={() => setOpen(true)}>Cancel chat…</Button></div>;
  return (
    <div className="stack" ref={form} role="group" aria-label="Cancel chat">
      <CancelBody chatId={chatId} onBack={() => setOpen(false)} note={note} />
    </div>
  );
}

function RescheduleBody({ chatId, slots, onBack }: { chatId: string; slots: TSlotOption[]; onBack: () => void }) {
  const router = useRefreshAfterChange();
  const [slotId, setSlotId] = useState('');
  const { rescheduleChatAction } = useChatActions();
  const p = useSubmit(rescheduleChatAction, () => { onBack(); router.refresh(); });
  if (slots.length === 0) {
    return (
      <>
        <Alert tone="info">There is no other free slot to move this chat to right now.</Alert>
        <div><Button variant="ghost" onClick={onBack}>Back</Button></div>
      </>
    );
  }
  return (
    <>
      <SlotSelect label="Move to" slots={slots} value={slotId} onChange={setSlotId} error={p.fieldError('slotId')} />
      <Feedback error={p.error && !p.error.fieldErrors ? p.error : null} done={false} ok="" />
      <div className="row">
        <Button disabled={p.pending || !slotId} onClick={() => p.submit({ chatId, slotId })}>Reschedule</Button>
        <Button variant="ghost" onClick={onBack}>Back</Button>
      </div>
    </>
  );
}

function WithdrawBody({ chatId, onBack }: { chatId: string; onBack: () => void }) {
  const router = useRefreshAfterChange();
  const { withdrawRequestAction } = useChatActions();
  const w = useSubmit(withdrawRequestAction, () => router.refresh());
  return (
    <>
      <p className="small" style={{ margin: 0 }}>Withdraw this request? The request credit is given back.</p>
      <Feedback error={w.error} done={false} ok="" />
      <div className="row">
        <Button variant="danger" disabled={w.pending} onClick={() => w.submit({ chatId })}>Withdraw request</Button>
        <Button variant="ghost" onClick={onBack}>Keep it</Button>
      </div>
    </>
  );
}

type TMenuAction = 'reschedule' | 'cancel' | 'withdraw';
const MENU_LABEL: Record<TMenuAction, string> = { reschedule: 'Reschedule…', cancel: 'Cancel chat…', withdraw: 'Withdraw request…' };

/**
 * The ⋮ menu of one chat: reschedule and cancel a confirmed chat (both sides), withdraw a pending
 * request (its sender). Follows the menu-button pattern: arrows move, Escape closes, and focus
 * returns to ⋮ when the menu or the chosen form closes.
 */
export function ChatMenu({ chatId, about, reschedule, cancel, withdraw, cancelNote }: { chatId: string; about: string; reschedule?: TSlotOption[]; cancel?: boolean; withdraw?: boolean; cancelNote?: string }) {
  const actions = [reschedule ? 'reschedule' : null, cancel ? 'cancel' : null, withdraw ? 'withdraw' : null].filter((a): a is TMenuAction => a !== null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [panel, setPanel] = useState<TMenuAction | null>(null);
  const { setOpen, opener, form } = useOpenedFocus();
  if (actions.length === 0) return null;
  const menuId = `chat-menu-${chatId}`;
  const close = () => { setPanel(null); setMenuOpen(false); setOpen(false); };
  const choose = (a: TMenuAction) => { setMenuOpen(false); setPanel(a); setOpen(true); };
  const onMenuKey = (e: React.KeyboardEvent<HTMLUListElement>) => {
    const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      items[e.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      setMenuOpen(false);
      if (e.key === 'Escape') opener.current?.focus();
    }
  };
  return (
    <div className="stack" style={{ gap: 6 }}>
      <div style={{ position: 'relative', alignSelf: 'flex-end' }}>
        <Button
          ref={opener}
          variant="ghost"
          aria-label={`More actions for the chat with ${about}`}
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          aria-controls={menuOpen ? menuId : undefined}
          onClick={() => setMenuOpen(!menuOpen)}
          title="More actions"
        >
          ⋮
        </Button>
        {menuOpen ? (
          <ul
            id={menuId}
            role="menu"
            aria-label={`Actions for the chat with ${about}`}
            onKeyDown={onMenuKey}
            style={{ position: 'absolute', right: 0, zIndex: 5, listStyle: 'none', margin: 0, padding: 4, background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 6, boxShadow: '0 4px 14px rgb(0 0 0 / 0.12)', minWidth: 190 }}
          >
            {actions.map((a, i) => (
              <li key={a} role="none">
                <button
                  type="button"
                  role="menuitem"
                  autoFocus={i === 0}
                  onClick={() => choose(a)}
                  style={{ display: 'block', width: '100%', textAlign: 'left', background: 'none', border: 0, padding: '8px 10px', font: 'inherit', cursor: 'pointer', color: a === 'reschedule' ? 'inherit' : 'var(--danger)' }}
                >
                  {MENU_LABEL[a]}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {panel ? (
        <div className="stack" ref={form} role="group" aria-label={MENU_LABEL[panel].replace('…', '')}>
          {panel === 'reschedule' ? <RescheduleBody chatId={chatId} slots={reschedule ?? []} onBack={close} /> : null}
          {panel === 'cancel' ? <CancelBody chatId={chatId} onBack={close} note={cancelNote} /> : null}
          {panel === 'withdraw' ? <WithdrawBody chatId={chatId} onBack={close} /> : null}
        </div>
      ) : null}
    </div>
  );
}
