import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { ButtonLink } from '@/components/ui/button';
import { Badge, Card, EmptyState } from '@/components/ui/card';
import { listDesks } from '@/lib/desks/desk-page';
import { deskSetup } from '@/lib/desks/desk-setup';
import { loadEventForPage } from '@/app/_page/load-event';
import { listProgramme } from '@/lib/sessions/queries';
import { formatInstant } from '@/lib/time/format';
import s from '@/components/desks/desks.module.css';

export const metadata: Metadata = { title: 'Desks & sessions' };

type TLiveItem = { id: string; kind: 'Chat desk' | 'Session'; name: string; href: string; by: string | null; opensAt: Date; closesAt: Date; mine: boolean };

/**
 * Desks & sessions: the event's chat desks and sessions that are not over, soonest first, the
 * running ones highlighted. (It was titled "Live Events" under a "Desks" tab; both now say what it lists.)
 */
export default async function DesksAndSessionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, user } = await loadEventForPage(slug);
  const db = getDb();
  const [desks, sessions, setup] = await Promise.all([listDesks(db, user, event.id), listProgramme(db, event.id, user?.id ?? null, {}), deskSetup(db, user, event.id)]);
  const now = new Date();
  const items: TLiveItem[] = [
    ...desks.map((d) => ({ id: d.id, kind: 'Chat desk' as const, name: d.name, href: `/events/${slug}/desks/${d.id}`, by: d.companyName, opensAt: d.opensAt, closesAt: d.closesAt, mine: d.moderating })),
    ...sessions
      .filter((c) => !c.session.cancelledAt)
      .map((c) => ({ id: c.session.id, kind: 'Session' as const, name: c.session.title, href: `/events/${slug}/sessions/${c.session.id}`, by: c.company?.name ?? null, opensAt: c.session.startsAt, closesAt: c.session.endsAt, mine: c.isHost })),
  ]
    .filter((i) => i.closesAt > now)
    .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
  const moderating = desks.some((d) => d.moderating);
  const running = (i: TLiveItem) => i.opensAt <= now && now < i.closesAt;
  return (
    <div className="stack">
      <Card>
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 style={{ margin: 0 }}>Desks &amp; sessions</h2>
          <span className="row">
            {setup.owners.length > 0 ? <ButtonLink variant="secondary" href={`/events/${slug}/desks/setup`}>Set up desks</ButtonLink> : null}
            {moderating ? <ButtonLink href={`/events/${slug}/desks/all`}>All Conversations</ButtonLink> : null}
          </span>
        </div>
        <p className="muted small">Chat desks to talk to and sessions to join, running now and still to come. Times in {event.timeZone}.</p>
      </Card>
      {items.length === 0 ? (
        <EmptyState title="Nothing planned any more">
          <p>Organizers add chat desks under Manage → Chat desks, and sessions under Manage → Sessions.</p>
        </EmptyState>
      ) : (
        <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((i) => (
            <li key={i.id}>
              <Card className={running(i) ? s.running : undefined}>
                <div className="row" style={{ justifyContent: 'space-between' }}>
                  <Link href={i.href}>
                    <strong>{i.name}</strong>
                  </Link>
                  <span className="row">
                    <Badge>{i.kind}</Badge>
                    {running(i) ? <Badge tone="ok">Running now</Badge> : <Badge>Planned</Badge>}
                    {i.mine ? <Badge tone="brand">{i.kind === 'Chat desk' ? 'You moderate' : 'You host'}</Badge> : null}
                  </span>
                </div>
                {i.by ? <p className="small muted" style={{ margin: 0 }}>{i.by}</p> : null}
                <p className="small muted" style={{ margin: 0 }}>
                  {formatInstant(i.opensAt, event.timeZone)} – {formatInstant(i.closesAt, event.timeZone)}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
