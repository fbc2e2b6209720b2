import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/card';
import { When } from '@/components/ui/when';
import s from './chats.module.css';

type TStatus = 'pending' | 'accepted' | 'confirmed' | 'declined' | 'withdrawn' | 'cancelled' | 'completed';

export const STATUS_LABEL: Record<TStatus, string> = {
  pending: 'Pending',
  accepted: 'In scheduling',
  confirmed: 'Confirmed',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  cancelled: 'Cancelled',
  completed: 'Completed',
};

const TONE: Partial<Record<TStatus, 'brand' | 'ok' | 'warn'>> = { pending: 'warn', accepted: 'brand', confirmed: 'ok', completed: 'ok' };

/** Links, not a form: each filter is a shareable URL and works without JavaScript. */
export function AllChatsFilter({ slug, current }: { slug: string; current: TStatus | undefined }) {
  const options: [TStatus | undefined, string][] = [[undefined, 'All'], ...(Object.entries(STATUS_LABEL) as [TStatus, string][])];
  return (
    <nav aria-label="Filter by status" className="row" style={{ gap: 6 }}>
      {options.map(([status, label]) => {
        const active = status === current;
        return (
          <Link
            key={label}
            href={status ? `/events/${slug}/chats/all?status=${status}` : `/events/${slug}/chats/all`}
            aria-current={active ? 'page' : undefined}
            className="small"
            style={{
              padding: '4px 10px',
              borderRadius: 999,
              border: '1px solid var(--border)',
              textDecoration: 'none',
              fontWeight: active ? 600 : 400,
              background: active ? 'var(--brand-soft)' : 'var(--surface)',
              borderColor: active ? 'var(--brand)' : 'var(--border)',
            }}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}

export type TAllChatsItem = {
  id: string;
  status: TStatus;
  talentName: string;
  recruiterName: string;
  initiatedBy: 'talent' | 'recruiter';
  startsAt: string | null;
  startsLabel: string | null;
  requestedLabel: string;
  /** Who declined or withdrew it, by name. */
  outcome?: string | null;
  // Server-rendered: Join / join as colleague, no-show verdicts.
  extra?: ReactNode;
};

export function AllChatsList({ items, timeZone }: { items: TAllChatsItem[]; timeZone: string }) {
  return (
    <ul className={s.list}>
      {items.map((c) => (
        <li key={c.id} className={s.item}>
          <div className={s.itemHead}>
            <strong>{c.talentName} ↔ {c.recruiterName}</strong>
            <Badge tone={TONE[c.status]}>{STATUS_LABEL[c.status]}</Badge>
          </div>
          <span className="small">
            {c.startsAt && c.startsLabel ? <When iso={c.startsAt} eventLabel={c.startsLabel} eventZone={timeZone} /> : <span className="muted">No time yet</span>}
          </span>
          <span className="muted small">
            {c.initiatedBy === 'talent' ? 'Requested by the talent' : 'Invited by the recruiter'} · {c.requestedLabel}
          </span>
          {c.outcome ? <span className="small"><strong>{c.outcome}</strong></span> : null}
          {c.extra}
        </li>
      ))}
    </ul>
  );
}
