import Link from 'next/link';
import { Badge, Card } from '@/components/ui/card';
import type { TEvent, TEventDay } from '@/lib/events/queries';
import { formatDay } from '@/lib/time/format';
import s from './events.module.css';

const STATUS_TONE = { draft: 'warn', published: 'brand', live: 'ok', ended: undefined } as const;
const STATUS_LABEL = { draft: 'Draft', published: 'Upcoming', live: 'Live now', ended: 'Ended' } as const;

export function EventStatusBadge({ status }: { status: TEvent['status'] }) {
  return <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>;
}

export function EventCard({ event, days }: { event: TEvent; days: TEventDay[] }) {
  const first = days[0];
  const last = days[days.length - 1];
  return (
    <Card as="article" className={s.eventCard}>
      <div className="row">
        <EventStatusBadge status={event.status} />
        <span className="muted small">{event.timeZone}</span>
      </div>
      <h2>
        <Link href={`/events/${event.slug}`}>{event.name}</Link>
      </h2>
      <p className="muted small">
        {first ? (first === last ? formatDay(first.date) : `${formatDay(first.date)} – ${formatDay(last!.date)}`) : 'Dates to be announced'}
        {days.length ? ` · ${days.length} day${days.length > 1 ? 's' : ''}` : ''}
      </p>
      <p className={s.clamp}>{event.description || 'No description yet.'}</p>
    </Card>
  );
}
