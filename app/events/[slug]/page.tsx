import Link from 'next/link';
import { getReadDb } from '@/db/client';
import { DayHours } from '@/components/events/day-hours';
import { RegisterButton } from '@/components/events/register-button';
import { TalentCount } from '@/components/events/talent-count';
import { ButtonLink } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/card';
import { ModeBadge } from '@/components/ui/mode-badge';
import { DeskLinks } from '@/components/desks/desk-links';
import { countEventCompanies } from '@/lib/companies/queries';
import { listDesks } from '@/lib/desks/desk-page';
import { loadEventForPage } from '@/app/_page/load-event';
import { dayFormMode } from '@/lib/events/schemas';
import { countTalents, listEventDays } from '@/lib/events/queries';
import { formatDay, zonedInstant } from '@/lib/time/format';
import { SessionList } from '@/components/sessions/session-list';
import { onNowAndNext } from '@/lib/sessions/queries';
import { sessionViewer } from '@/lib/sessions/viewer';
import { registerAction } from './actions';
import { cancelSignUpAction, signUpAction } from './sessions/actions';
import s from '@/components/events/events.module.css';

const ROLE_LABEL = { talent: 'Talent', recruiter: 'Recruiter', organizer: 'Organizer', moderator: 'Moderator' } as const;
const INITIATION = { talents: 'Talents request 1-1 chats', recruiters: 'Recruiters invite talents to 1-1 chats', both: 'Talents and recruiters can both start 1-1 chats' } as const;

export default async function LobbyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, user, roles, canManage } = await loadEventForPage(slug);
  const db = getReadDb();
  const [days, talents, companies, programme, viewer, desks] = await Promise.all([
    listEventDays(db, event.id),
    countTalents(db, event.id),
    countEventCompanies(db, event.id),
    onNowAndNext(db, event.id, user?.id ?? null),
    sessionViewer(db, user, event.id, roles, canManage),
    listDesks(db, user, event.id),
  ]);
  const sessionActions = { signUp: signUpAction, cancel: cancelSignUpAction };
  const canRegister = event.status === 'published' || event.status === 'live';
  return (
    <div className={`${s.twoCol} ${s.asideFirst}`}>
      <div className="stack">
        <Card>
          <h2>About this event</h2>
          <p style={{ whiteSpace: 'pre-line' }}>{event.description || 'The organizer has not written a description yet.'}</p>
          <p className="muted small">{INITIATION[event.chatInitiation]}. Each talent has {event.talentRequestCredits} 1-1 chat request{event.talentRequestCredits === 1 ? '' : 's'}.</p>
        </Card>
        <Card>
          <h2>Sessions</h2>
          {programme.onNow.length === 0 && programme.next.length === 0 ? (
            <p className="muted">No sessions coming up. See the <Link href={`/events/${event.slug}/sessions`}>programme</Link>.</p>
          ) : (
            <div className="stack">
              {programme.onNow.length > 0 ? (
                <section aria-label="On now" className="stack" style={{ gap: 8 }}>
                  <h3 style={{ margin: 0 }}>On now</h3>
                  <SessionList cards={programme.onNow} slug={event.slug} timeZone={event.timeZone} viewer={viewer} actions={sessionActions} />
                </section>
              ) : null}
              {programme.next.length > 0 ? (
                <section aria-label="Next" className="stack" style={{ gap: 8 }}>
                  <h3 style={{ margin: 0 }}>Next</h3>
                  <SessionList cards={programme.next} slug={event.slug} timeZone={event.timeZone} viewer={viewer} actions={sessionActions} />
                </section>
              ) : null}
              <Link className="small" href={`/events/${event.slug}/sessions`}>The whole programme →</Link>
            </div>
          )}
        </Card>
        <Card>
          <h2>Days</h2>
          {days.length === 0 ? (
            <p className="muted">No days scheduled yet.</p>
          ) : (
            <ul className={s.dayList}>
              {days.map((d) => (
                <li key={d.id} className={s.day}>
                  <span>
                    <strong>{formatDay(d.date)}</strong> <ModeBadge mode={dayFormMode(d)} />
                  </span>
                  <DayHours
                    opensAt={d.opensAt}
                    closesAt={d.closesAt}
                    opensAtIso={zonedInstant(d.date, d.opensAt, event.timeZone).toISOString()}
                    closesAtIso={zonedInstant(d.date, d.closesAt, event.timeZone).toISOString()}
                    eventZone={event.timeZone}
                  />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <aside className="stack">
        <Card>
          <h2>Your place</h2>
          {!user ? (
            <>
              <p className="muted">Sign in to register for this event.</p>
              <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(`/events/${event.slug}`)}`}>Sign in to register</ButtonLink>
            </>
          ) : roles.length > 0 ? (
            <>
              <p>You are registered. You take part as:</p>
              <div className="row">{roles.map((r) => <Badge key={r} tone="ok">{ROLE_LABEL[r]}</Badge>)}</div>
              {roles.includes('talent') ? <p className="muted small" style={{ marginTop: 12 }}>Complete your <Link href="/profile">profile</Link> so recruiters know who you are.</p> : null}
            </>
          ) : canRegister ? (
            <RegisterButton eventId={event.id} register={registerAction} />
          ) : (
            <p className="muted">{event.status === 'ended' ? 'This event has ended.' : 'Registration is not open yet.'}</p>
          )}
        </Card>
        <Card>
          <p style={{ margin: 0 }}>
            <TalentCount eventId={event.id} initial={talents} live={!!user} /> talents registered
          </p>
          <p style={{ margin: 0 }}>
            <strong>{companies}</strong> <Link href={`/events/${event.slug}/companies`}>companies</Link> taking part
          </p>
        </Card>
        <DeskLinks slug={event.slug} desks={desks} />
      </aside>
    </div>
  );
}
