'use client';
import { useState, type ReactNode } from 'react';
import { Badge, EmptyState } from '@/components/ui/card';
import { ModeBadge } from '@/components/ui/mode-badge';
import { When } from '@/components/ui/when';
import { ApproveButton, CancelForm, DeclineForm } from './chat-actions';
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

export function RecruiterInbox({ items, colleagues, eventZone }: { items: TInboxItem[]; colleagues: { id: string; name: string }[]; eventZone: string }) {
  const [tab, setTab] = useState<(typeof TABS)[number]['key']>('requests');
  const current = TABS.find((t) => t.key === tab)!;
  const shown = items.filter(current.match);
  let body: ReactNode;
  if (shown.length === 0) body = <EmptyState title={`Nothing in ${current.label}`}><p>Chats move here as talents and you act on them.</p></EmptyState>;
  else
    body = (
      <ul className={s.list}>
        {shown.map((i) => (
          <li key={i.id} className={s.item}>
            <div className={s.itemHead}>
              <strong>{i.talentName}</strong>
              {i.when && i.mode ? <ModeBadge mode={i.mode} /> : null}
              {i.when ? <Badge tone="ok"><When iso={i.startsAtIso} eventLabel={i.when} eventZone={eventZone} /></Badge> : i.status === 'pending' && i.initiatedBy === 'recruiter' ? <Badge>Sent by your company</Badge> : null}
            </div>
            {i.talentHeadline ? <span className="muted small">{i.talentHeadline}</span> : null}
            {i.message ? <p className="small" style={{ margin: 0 }}>“{i.message}”</p> : null}
            {i.answer ? <p className="small" style={{ margin: 0 }}>Answer: {i.answer}</p> : null}
            {i.note ? <p className="small muted" style={{ margin: 0 }}>{i.note}</p> : null}
            {i.status === 'pending' && i.initiatedBy === 'talent' ? (
              <div className="row" style={{ alignItems: 'flex-start' }}>
                <ApproveButton chatId={i.id} />
                <DeclineForm chatId={i.id} colleagues={colleagues} />
              </div>
            ) : null}
            {i.extra}
            {i.status === 'accepted' || i.status === 'confirmed' ? <CancelForm chatId={i.id} note={i.initiatedBy === 'talent' ? 'The talent gets their 1-1 chat request back.' : undefined} /> : null}
          </li>
        ))}
      </ul>
    );
  return (
    <div>
      <div className={s.tabs} role="tablist" aria-label="1-1 chat requests">
        {TABS.map((t) => (
          <button key={t.key} role="tab" aria-selected={t.key === tab} onClick={() => setTab(t.key)}>
            {t.label} ({items.filter(t.match).length})
          </button>
        ))}
      </div>
      <div role="tabpanel">{body}</div>
    </div>
  );
}
