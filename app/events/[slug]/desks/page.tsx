import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { ButtonLink } from '@/components/ui/button';
import { Badge, Card, EmptyState } from '@/components/ui/card';
import { listDesks } from '@/lib/desks/desk-page';
import { deskSetup } from '@/lib/desks/desk-setup';
import { loadEventForPage } from '@/lib/events/load-event';
import { formatInstant } from '@/lib/time/format';
import s from '@/components/desks/desks.module.css';

export const metadata: Metadata = { title: 'Live Events' };

/** Live Events: the event's desks, planned and running — running ones highlighted. */
export default async function LiveEventsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, user } = await loadEventForPage(slug);
  const db = getDb();
  const [desks, setup] = await Promise.all([listDesks(db, user, event.id), deskSetup(db, user, event.id)]);
  const now = new Date();
  const moderating = desks.some((d) => d.moderating);
  const running = (d: (typeof desks)[number]) => d.opensAt <= now && now < d.closesAt;
  return (
    <div className="stack">
      <Card>
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 style={{ margin: 0 }}>Live Events</h2>
          <span className="row">
            {setup.owners.length > 0 ? <ButtonLink variant="secondary" href={`/events/${slug}/desks/setup`}>Set up desks</ButtonLink> : null}
            {moderating ? <ButtonLink href={`/events/${slug}/desks/all`}>All Conversations</ButtonLink> : null}
          </span>
        </div>
        <p className="muted small">Chat desks of this event, planned and running. Times in {event.timeZone}.</p>
      </Card>
      {desks.length === 0 ? (
        <EmptyState title="No chat desks yet">
          <p>Organizers add desks under Manage → Chat desks.</p>
        </EmptyState>
      ) : (
        <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {desks.filter((d) => d.closesAt > now).map((d) => (
            <li key={d.id}>
              <Card className={running(d) ? s.running : undefined}>
                <div className="row" style={{ justifyContent: 'space-between' }}>
                  <Link href={`/events/${slug}/desks/${d.id}`}>
                    <strong>{d.name}</strong>
                  </Link>
                  <span className="row">
                    {running(d) ? <Badge tone="ok">Running now</Badge> : <Badge>Planned</Badge>}
                    {d.moderating ? <Badge tone="brand">You moderate</Badge> : null}
                  </span>
                </div>
                {d.companyName ? <p className="small muted" style={{ margin: 0 }}>{d.companyName}</p> : null}
                {d.description ? <p className="small">{d.description}</p> : null}
                <p className="small muted" style={{ margin: 0 }}>
                  {formatInstant(d.opensAt, event.timeZone)} – {formatInstant(d.closesAt, event.timeZone)}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
