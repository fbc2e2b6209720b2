'use client';
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Badge, EmptyState } from '@/components/ui/card';
import { ModeBadge } from '@/components/ui/mode-badge';
import { When } from '@/components/ui/when';
import { ApproveButton, CalendarLink, CancelForm, ChatMenu, DeclineForm, type TSlotOption } from './chat-actions';
import { Tabs } from './tabs';
import s from './chats.module.css';

export type TInboxItem = {
  id: string;
  status: 'pending' | 'accepted' | 'confirmed' | 'declined' | 'withdrawn' | 'cancelled' | 'completed';
  initiatedBy: 'talent' | 'recruiter';
  talentName: string;
  talentHeadline: string;
  message: string;
  answer: string;
  when: string;
  startsAtIso: string;
  note: string;
  /** Who ended a declined or withdrawn request, in words ("Withdrawn by the talent"). */
  endedBy: string;
  /** The colleague suggested when declining, if any. */
  suggestedName: string | null;
  /** A confirmed chat whose start has passed: no more moving or cancelling. */
  started: boolean;
  mode: 'virtual' | 'in_person' | null;
  // Server-rendered controls: Join, colleagues, no-show verdicts, the private note.
  extra?: ReactNode;
};

const TABS = [
  { key: 'requests', label: 'Requests', match: (i: TInboxItem) => i.status === 'pending' },
  { key: 'scheduling', label: 'In Scheduling', match: (i: TInboxItem) => i.status === 'accepted' },
  { key: 'confirmed', label: 'Confirmed', match: (i: TInboxItem) => i.status === 'confirmed' },
  { key: 'declined', label: 'Declined', match: (i: TInboxItem) => i.status === 'declined' || i.status === 'withdrawn' },
  { key: 'completed', label: 'Completed', match: (i: TInboxItem) => i.status === 'completed' },
  { key: 'cancelled', label: 'Cancelled', match: (i: TInboxItem) => i.status === 'cancelled' },
] as const;
type TTabKey = (typeof TABS)[number]['key'];
// The recruiter's side cancelling gives a talent's request back (refundsTalentOnCancel).
const REFUND_NOTE = 'The talent gets their 1-1 chat request back.';

export function RecruiterInbox({ items, colleagues, eventZone, freeSlots, rescheduleSlots }: {
  items: TInboxItem[];
  colleagues: { id: string; name: string }[];
  eventZone: string;
  /** The recruiter's free slots: shown while approving, offered when rescheduling. */
  freeSlots: number;
  rescheduleSlots: TSlotOption[];
}) {
  const [tab, setTab] = useState<TTabKey>('requests');
  // Kept here, not in the approved item: that item moves to "In Scheduling" as it is approved.
  const [approvedWithoutSlots, setApprovedWithoutSlots] = useState<string | null>(null);
  // A mail's "Open this chat" ends in #chat-<id>: open the tab that holds it and show it. (The
  // browser's :target does not apply to an item rendered after arrival, so it is marked here.)
  const [arrived, setArrived] = useState<string | null>(null);
  useEffect(() => {
    const id = window.location.hash.startsWith('#chat-') ? window.location.hash.slice(6) : null;
    const item = id ? items.find((i) => i.id === id) : undefined;
    const holding = item ? TABS.find((t) => t.match(item)) : undefined;
    if (!holding) return;
    setTab(holding.key);
    setArrived(id);
    requestAnimationFrame(() => document.getElementById(`chat-${id}`)?.scrollIntoView({ block: 'center' }));
    // Only on arrival: later refreshes must not pull the person back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const current = TABS.find((t) => t.key === tab)!;
  const shown = items.filter(current.match);
  let body: ReactNode;
  if (shown.length === 0) body = <EmptyState title={`Nothing in ${current.label}`}><p>Chats move here as talents and you act on them.</p></EmptyState>;
  else
    body = (
      <ul className={s.list}>
        {shown.map((i) => (
          <li key={i.id} id={`chat-${i.id}`} className={s.item} data-arrived={i.id === arrived ? 'true' : undefined}>
            <div className={s.itemHead}>
              <strong>{i.talentName}</strong>
              <span className="row" style={{ gap: 6 }}>
                {i.when && i.mode ? <ModeBadge mode={i.mode} /> : null}
                {i.when ? <Badge tone="ok"><When iso={i.startsAtIso} eventLabel={i.when} eventZone={eventZone} /></Badge> : i.status === 'pending' && i.initiatedBy === 'recruiter' ? <Badge>Sent by your company</Badge> : null}
                {i.endedBy ? <Badge tone={i.status === 'withdrawn' ? 'brand' : 'warn'}>{i.endedBy}</Badge> : null}
                {i.started && i.status === 'confirmed' ? <Badge tone="brand">Under way</Badge> : null}
              </span>
            </div>
            {i.talentHeadline ? <span className="muted small">{i.talentHeadline}</span> : null}
            {i.message ? <p className="small" style={{ margin: 0 }}>“{i.message}”</p> : null}
            {i.answer ? <p className="small" style={{ margin: 0 }}>Answer: {i.answer}</p> : null}
            {i.note ? <p className="small muted" style={{ margin: 0 }}>{i.note}</p> : null}
            {i.suggestedName ? <p className="small" style={{ margin: 0 }}>Suggested colleague: <strong>{i.suggestedName}</strong></p> : null}
            {i.status === 'pending' && i.initiatedBy === 'talent' ? (
              <div className="row" style={{ alignItems: 'flex-start' }}>
                <ApproveButton chatId={i.id} freeSlots={freeSlots} onApproved={(none) => setApprovedWithoutSlots(none ? i.talentName : null)} />
                <DeclineForm chatId={i.id} colleagues={colleagues} to="talent" />
              </div>
            ) : null}
            {i.status === 'pending' && i.initiatedBy === 'recruiter' ? <ChatMenu chatId={i.id} about={i.talentName} withdraw /> : null}
            {i.extra}
            {i.status === 'confirmed' && !i.started ? <CalendarLink chatId={i.id} /> : null}
            {i.status === 'accepted' ? <CancelForm chatId={i.id} note={i.initiatedBy === 'talent' ? REFUND_NOTE : undefined} /> : null}
            {i.status === 'confirmed' && !i.started ? <ChatMenu chatId={i.id} about={i.talentName} reschedule={rescheduleSlots} cancel cancelNote={i.initiatedBy === 'talent' ? REFUND_NOTE : undefined} /> : null}
          </li>
        ))}
      </ul>
    );
  return (
    <div className="stack">
      {approvedWithoutSlots ? (
        <Alert tone="warn">
          Approved {approvedWithoutSlots}’s request — but you have no free slot left. <a href="#availability">Add slots</a> so they can pick a time.{' '}
          <button type="button" className="small" onClick={() => setApprovedWithoutSlots(null)} style={{ background: 'none', border: 0, color: 'inherit', textDecoration: 'underline', cursor: 'pointer' }}>Dismiss</button>
        </Alert>
      ) : null}
      <Tabs label="1-1 chat requests" tabs={TABS.map((t) => ({ key: t.key, label: `${t.label} (${items.filter(t.match).length})` }))} current={tab} onChange={setTab}>
        {body}
      </Tabs>
    </div>
  );
}
