import { getDb } from '@/db/client';
import { EventCard } from '@/components/events/event-card';
import { ButtonLink } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { currentUser } from '@/app/_page/current-user';
import { eventsWithMyDesks } from '@/lib/desks/desk-page';
import { canCreateEvent } from '@/lib/events/permissions';
import { listEventDays, listVisibleEvents } from '@/lib/events/queries';
import s from '@/components/events/events.module.css';

export default async function HomePage() {
  const db = getDb();
  const user = await currentUser();
  const events = await listVisibleEvents(db, user);
  const days = await Promise.all(events.map((e) => listEventDays(db, e.id)));
  const moderating = user ? await eventsWithMyDesks(db, user.id) : [];
  return (
    <>
      <section className={s.hero}>
        <h1>Career fairs that respect everyone&apos;s time</h1>
        <p>Book private 1-1 video chats with recruiters, join company sessions and talk to career advisors — all in one place.</p>
        {!user ? <ButtonLink href="/signin" variant="secondary">Sign in to take part</ButtonLink> : null}
      </section>
      {moderating.length > 0 ? (
        <Card>
          <h2 style={{ marginTop: 0 }}>Your chat desks</h2>
          <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0, gap: 8 }}>
            {moderating.map((e) => (
              <li key={e.slug} className="row">
                <span>{e.name}</span>
                <ButtonLink href={`/events/${e.slug}/desks/all`}>All Conversations</ButtonLink>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
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
