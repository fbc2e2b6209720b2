import { getDb } from '@/db/client';
import { EventCard } from '@/components/events/event-card';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { getCurrentUser } from '@/lib/auth/current-user';
import { canCreateEvent } from '@/lib/events/permissions';
import { listEventDays, listVisibleEvents } from '@/lib/events/queries';
import s from '@/components/events/events.module.css';

export default async function HomePage() {
  const db = getDb();
  const user = await getCurrentUser();
  const events = await listVisibleEvents(db, user);
  const days = await Promise.all(events.map((e) => listEventDays(db, e.id)));
  return (
    <>
      <section className={s.hero}>
        <h1>Career fairs that respect everyone&apos;s time</h1>
        <p>Book private 1-1 video chats with recruiters, join company sessions and talk to career advisors — all in one place.</p>
        {!user ? <ButtonLink href="/signin" variant="secondary">Sign in to take part</ButtonLink> : null}
      </section>
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: 16 }}>
        <h2 style={{ margin: 0 }}>Events</h2>
        {canCreateEvent(user) ? <ButtonLink href="/organize/new">Create event</ButtonLink> : null}
      </div>
      {events.length === 0 ? (
        <EmptyState title="No events yet">
          <p>When an organizer publishes a fair, it appears here.</p>
        </EmptyState>
      ) : (
        <div className="grid">
          {events.map((e, i) => (
            <EventCard key={e.id} event={e} days={days[i]!} />
          ))}
        </div>
      )}
    </>
  );
}
