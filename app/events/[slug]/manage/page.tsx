import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { EventForm } from '@/components/admin/event-form';
import { ManageNav } from '@/components/admin/manage-nav';
import { Alert, Card } from '@/components/ui/card';
import { NoAccess } from '@/components/ui/no-access';
import { listAudit } from '@/lib/audit/queries';
import { loadEventForPage } from '@/app/_page/load-event';
import { listEventDays } from '@/lib/events/queries';
import { dayFormMode } from '@/lib/events/schemas';
import { formatInstant } from '@/lib/time/format';
import { canonicalTimeZone, listTimeZones } from '@/lib/time/zones';
import { updateEventAction } from './actions';

const ACTIONS: Record<string, string> = {
  'event.created': 'created the event',
  'event.updated': 'changed the settings',
  'company.invited': 'invited a company',
  'company.added': 'added a company',
  'recruiter.invited': 'invited a recruiter',
};

export const metadata: Metadata = { title: 'Event settings & days' };

export default async function ManagePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ created?: string }> }) {
  const { slug } = await params;
  const { created } = await searchParams;
  const { event, user, canManage } = await loadEventForPage(slug);
  if (!canManage) return <NoAccess what="Only organizers of this event can manage it." backHref={`/events/${event.slug}`} signInTo={user ? undefined : `/events/${event.slug}/manage`} />;
  const db = getDb();
  const [days, audit] = await Promise.all([listEventDays(db, event.id), listAudit(db, event.id)]);
  return (
    <div className="stack">
      <ManageNav slug={event.slug} current="settings" />
      {created ? <Alert tone="ok">Event created. Invite companies next, then publish it.</Alert> : null}
      <EventForm
        mode="edit"
        action={updateEventAction.bind(null, event.id)}
        zones={listTimeZones()}
        initial={{
          name: event.name,
          slug: event.slug,
          description: event.description,
          // Events saved before zones were stored by their current IANA name show it selected too.
          timeZone: canonicalTimeZone(event.timeZone) ?? event.timeZone,
          status: event.status,
          chatInitiation: event.chatInitiation,
          talentRequestCredits: String(event.talentRequestCredits),
          recruiterRequestCredits: event.recruiterRequestCredits === null ? '' : String(event.recruiterRequestCredits),
          joinOpensMinutesBefore: String(event.joinOpensMinutesBefore),
          noShowGraceMinutes: String(event.noShowGraceMinutes),
          days: days.map((d) => ({ date: d.date, mode: dayFormMode(d), opensAt: d.opensAt.slice(0, 5), closesAt: d.closesAt.slice(0, 5), chatDurations: d.chatDurations, location: d.location ?? '' })),
        }}
      />
      <Card>
        <h2>Recent changes</h2>
        {audit.length === 0 ? (
          <p className="muted">Nothing changed yet.</p>
        ) : (
          <ul className="small">
            {audit.map((a) => (
              <li key={a.id}>
                {formatInstant(a.createdAt, event.timeZone)} — {a.actor ?? 'Someone'} {ACTIONS[a.action] ?? a.action}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
