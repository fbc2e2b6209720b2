import type { Metadata } from 'next';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { ManageNav } from '@/components/admin/manage-nav';
import { CancelSessionButton } from '@/components/sessions/cancel-session-button';
import { SessionCard } from '@/components/sessions/session-card';
import { EMPTY_SESSION, SessionForm } from '@/components/sessions/session-form';
import { Alert, Card } from '@/components/ui/card';
import { NoAccess } from '@/components/ui/no-access';
import { listEventCompanies } from '@/lib/companies/queries';
import { loadEventForPage } from '@/app/_page/load-event';
import { listEventDays } from '@/lib/events/queries';
import { manageSessionsData } from '@/lib/sessions/manage-queries';
import { formatDay } from '@/lib/time/format';
import s from '@/components/sessions/sessions.module.css';
import { cancelSessionAction, createSessionAction, updateSessionAction } from './actions';

export const metadata: Metadata = { title: 'Manage sessions' };

// What the cancel button left in the address; anything else in it is ignored.
const ZCancelledNotice = z.object({ cancelled: z.uuid(), told: z.coerce.number().int().min(0).max(1_000_000) });

export default async function ManageSessionsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const notice = ZCancelledNotice.safeParse(await searchParams);
  const { event, user, canManage } = await loadEventForPage(slug);
  if (!canManage) return <NoAccess what="Only organizers of this event can manage its sessions." backHref={`/events/${event.slug}`} signInTo={user ? undefined : `/events/${event.slug}/manage/sessions`} />;
  const db = getDb();
  const [data, eventDays, companyRows] = await Promise.all([manageSessionsData(db, user, event.id, event.timeZone), listEventDays(db, event.id), listEventCompanies(db, event.id)]);
  const days = eventDays.map((d) => ({ date: d.date, label: formatDay(d.date) }));
  const companies = companyRows.map((c) => ({ id: c.company.id, name: c.company.name }));
  const create = createSessionAction.bind(null, event.id);
  // Only a session of this event that is cancelled now is announced.
  const cancelled = notice.success ? data.sessions.find(({ card }) => card.session.id === notice.data.cancelled && card.session.cancelledAt) : undefined;
  return (
    <div className="stack">
      <ManageNav slug={event.slug} current="sessions" />
      {cancelled && notice.success ? (
        <div role="status">
          <Alert tone="ok">
            Session cancelled. {notice.data.told} {notice.data.told === 1 ? 'person was' : 'people were'} told by notification and e-mail: “{cancelled.card.session.title}”.
          </Alert>
        </div>
      ) : null}
      <Card>
        <h2 style={{ marginTop: 0 }}>New session</h2>
        <SessionForm initial={EMPTY_SESSION} days={days} companies={companies} candidates={data.candidates} label="New session" action={create} />
      </Card>
      <Card>
        <h2 style={{ marginTop: 0 }}>Sessions</h2>
        {data.sessions.length === 0 ? (
          <p className="muted">No sessions yet. Create the first one above.</p>
        ) : (
          <ul className={s.list}>
            {data.sessions.map(({ card, values }) => (
              <SessionCard
                key={card.session.id}
                card={card}
                slug={event.slug}
                timeZone={event.timeZone}
                canEnter
                note={
                  <p className="small muted" style={{ margin: 0 }}>
                    {card.session.seatsTaken} signed up{card.session.signUpRequired ? ' · sign-up required' : ''} · up to {card.session.stageLimit} on screen · up to {card.session.breakoutRoomLimit} breakout rooms
                  </p>
                }
                actions={
                  <>
                    <details className={s.editDetails}>
                      <summary>Edit</summary>
                      <SessionForm initial={values} days={days} companies={companies} candidates={data.candidates} label={`Edit ${card.session.title}`} action={updateSessionAction.bind(null, card.session.id)} />
                    </details>
                    <CancelSessionButton sessionId={card.session.id} title={card.session.title} action={cancelSessionAction} />
                  </>
                }
              />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
