import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import { clockFormatter, formatDayOf } from '@/lib/time/format';
import s from './chats.module.css';

export type TTeamMember = {
  id: string;
  name: string;
  role: 'admin' | 'recruiter';
  isMe: boolean;
  bookingMode: 'direct' | 'selective';
  isConfirmed: boolean;
  freeFutureSlots: number;
  bookedSlots: number;
  pendingRequests: number;
  confirmedChats: number;
  /** Future slots, each with the talent holding it (null when free). */
  slots: { startsAt: string; bookedBy: string | null }[];
};

/** A colleague's slots as a compact day view: one line of times per day, booked ones filled. */
function DayView({ name, slots, timeZone }: { name: string; slots: TTeamMember['slots']; timeZone: string }) {
  if (slots.length === 0) return <p className="small muted" style={{ margin: 0 }}>No upcoming slots.</p>;
  const clock = clockFormatter(timeZone, 'en-GB');
  const days = new Map<string, TTeamMember['slots']>();
  for (const slot of slots) {
    const day = formatDayOf(new Date(slot.startsAt), timeZone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return (
    <div className="stack" style={{ gap: 6 }} aria-label={`Slots of ${name}`} role="group">
      {[...days].map(([day, list]) => (
        <div key={day}>
          <span className="small muted">{day}</span>
          <ul className={s.dayView}>
            {list.map((slot) => (
              <li key={slot.startsAt} data-state={slot.bookedBy ? 'booked' : 'available'} title={slot.bookedBy ? `Booked by ${slot.bookedBy}` : 'Free'}>
                {clock.format(new Date(slot.startsAt))}
                <span className="visually-hidden">{slot.bookedBy ? `, booked by ${slot.bookedBy}` : ', free'}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One card per recruiter: cards stack on a phone and flow into columns on a wide screen. */
export function TeamOverview({ members, slug, isAdmin, timeZone }: { members: TTeamMember[]; slug: string; isAdmin: boolean; timeZone: string }) {
  return (
    <ul className={s.list} style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))' }} aria-label="Recruiters of your company">
      {members.map((m) => (
        <li key={m.id} className={s.item}>
          <div className={s.itemHead}>
            <strong>{m.name}{m.isMe ? ' (you)' : ''}</strong>
            {m.role === 'admin' ? <Badge>Admin</Badge> : null}
          </div>
          <div className="row" style={{ gap: 6 }}>
            <Badge tone="brand">{m.bookingMode === 'direct' ? 'Direct Booking' : 'Selective Booking'}</Badge>
            {m.isConfirmed ? <Badge tone="ok">Availability confirmed</Badge> : <Badge tone="warn">Not confirmed yet</Badge>}
          </div>
          <dl className="small" style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '2px 12px', margin: 0 }}>
            <dt className="muted">Free future slots</dt><dd style={{ margin: 0 }}>{m.freeFutureSlots}</dd>
            <dt className="muted">Booked slots</dt><dd style={{ margin: 0 }}>{m.bookedSlots}</dd>
            <dt className="muted">Pending requests</dt><dd style={{ margin: 0 }}>{m.pendingRequests}</dd>
            <dt className="muted">Confirmed chats</dt><dd style={{ margin: 0 }}>{m.confirmedChats}</dd>
          </dl>
          <DayView name={m.name} slots={m.slots} timeZone={timeZone} />
          {isAdmin && !m.isMe ? (
            <Link href={`/events/${slug}/chats/team?for=${encodeURIComponent(m.id)}`} aria-label={`Set availability for ${m.name}`}>
              Set availability
            </Link>
          ) : null}
          {m.isMe ? <Link href={`/events/${slug}/chats/manage`}>Manage your own 1-1 chats</Link> : null}
        </li>
      ))}
    </ul>
  );
}

export const teamSummary = (members: TTeamMember[]) =>
  `${plural(members.length, 'recruiter')} · ${plural(members.reduce((n, m) => n + m.pendingRequests, 0), 'pending request')} · ${plural(members.reduce((n, m) => n + m.confirmedChats, 0), 'confirmed chat')}`;
