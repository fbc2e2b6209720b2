import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { EventStatusBadge } from '@/components/events/event-card';
import { EventNav } from '@/components/events/event-nav';
import { loadEventForPage } from '@/app/_page/load-event';
import s from '@/components/events/events.module.css';

/** A page of the event without a title of its own (the lobby) is called by the event's name in the tab. */
export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { event } = await loadEventForPage((await params).slug);
  return { title: { default: event.name, template: '%s · Fairground' } };
}

export default async function EventLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, canManage, roles, user } = await loadEventForPage(slug);
  return (
    <>
      <header className={s.eventHeader}>
        <div className="row">
          <EventStatusBadge status={event.status} />
          <span className="muted small">Times in {event.timeZone}</span>
        </div>
        <h1 style={{ marginTop: 8 }}>{event.name}</h1>
        {event.status === 'draft' ? (
          <p className="small" role="note" style={{ margin: 0 }}>
            <strong>Draft — not published yet.</strong> Only the organizers and invited people see this event. {roles.includes('recruiter') ? 'Set up your profile and availability now; talents can reach you once it is published.' : ''}
          </p>
        ) : null}
      </header>
      <EventNav slug={event.slug} canManage={canManage} isRecruiter={roles.includes('recruiter')} isSignedIn={!!user && roles.length > 0} />
      {children}
    </>
  );
}
