import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { LiveRefresh } from '@/components/live/use-live-refresh';
import { SessionCard } from '@/components/sessions/session-card';
import { SignUpButton } from '@/components/sessions/sign-up-button';
import { ButtonLink } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { ModeBadge } from '@/components/ui/mode-badge';
import { When } from '@/components/ui/when';
import { ChatJoin } from '@/components/video/chat-join';
import { myConfirmedChats } from '@/lib/chats/my-schedule';
import { loadEventForPage } from '@/app/_page/load-event';
import { mayEnterCard } from '@/lib/sessions/view';
import { mySessions, type TSessionCard } from '@/lib/sessions/queries';
import { withClashes } from '@/lib/sessions/schedule';
import { sessionViewer } from '@/lib/sessions/viewer';
import { formatDay, formatInstant } from '@/lib/time/format';
import c from '@/components/chats/chats.module.css';
import s from '@/components/sessions/sessions.module.css';
import { cancelSignUpAction, signUpAction } from '../sessions/actions';

export const metadata: Metadata = { title: 'My Schedule' };

type TChatRow = Awaited<ReturnType<typeof myConfirmedChats>>[number];
type TItem = { kind: 'chat'; chat: TChatRow; label: string } | { kind: 'session'; card: TSessionCard; label: string };

export default async function MySchedulePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, user, roles, canManage } = await loadEventForPage(slug);
  if (!user) {
    return (
      <EmptyState title="Sign in to see your schedule">
        <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(`/events/${slug}/schedule`)}`}>Sign in</ButtonLink>
      </EmptyState>
    );
  }
  const db = getDb();
  const [chats, sessions, viewer] = await Promise.all([myConfirmedChats(db, event.id, user.id), mySessions(db, event.id, user.id), sessionViewer(db, user, event.id, roles, canManage)]);
  const chatLabel = (x: TChatRow) =>
    x.chat.talentId === user.id ? `${x.recruiterName} · ${x.company}` : `${x.talentName}${x.chat.recruiterId === user.id ? '' : ` with ${x.recruiterName}`}`;
  const entries = withClashes<TItem>([
    ...chats.map((x) => ({ key: `chat-${x.chat.id}`, startsAt: x.chat.startsAt!, endsAt: x.chat.endsAt!, counts: true, item: { kind: 'chat' as const, chat: x, label: `1-1 chat: ${chatLabel(x)}` } })),
    ...sessions.map((x) => ({ key: `session-${x.session.id}`, startsAt: x.session.startsAt, endsAt: x.session.endsAt, counts: x.isHost || x.mine?.status === 'registered', item: { kind: 'session' as const, card: x, label: x.session.title } })),
  ]);
  const labelOf = new Map(entries.map((e) => [e.key, e.item.label]));
  // Grouped by the day in the event's zone, in time order.
  const days = new Map<string, typeof entries>();
  for (const e of entries) {
    const day = formatDay(e.startsAt.toLocaleDateString('en-CA', { timeZone: event.timeZone }));
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  const clashNote = (keys: string[]) =>
    keys.length ? <p className={`small ${s.clash}`} style={{ margin: 0 }}>⚠ Clashes with {keys.map((k) => labelOf.get(k)).join(', ')}</p> : null;
  return (
    <div className="stack">
      <LiveRefresh topics={[`user:${user.id}`]} />
      <Card>
        <h2 style={{ margin: 0 }}>My Schedule</h2>
        <p className="muted small">Your confirmed 1-1 chats and your sessions, in time order (times in {event.timeZone}). Join opens {event.joinOpensMinutesBefore} minutes before a video chat; session rooms open 10 minutes before the start.</p>
      </Card>
      {entries.length === 0 ? (
        <EmptyState title="Nothing scheduled yet">
          <p>Confirmed 1-1 chats and the sessions you sign up for appear here.</p>
          <div className="row" style={{ justifyContent: 'center' }}>
            <ButtonLink href={`/events/${slug}/chats`} variant="secondary">Go to 1-1 Chats</ButtonLink>
            <ButtonLink href={`/events/${slug}/sessions`} variant="secondary">See the programme</ButtonLink>
          </div>
        </EmptyState>
      ) : (
        [...days].map(([day, list]) => (
          <section key={day} className="stack" aria-label={day}>
            <h3 style={{ margin: 0 }}>{day}</h3>
            <ul className={c.list}>
              {list.map((e) => {
                if (e.item.kind === 'session') {
                  const card = e.item.card;
                  return (
                    <SessionCard
                      key={e.key}
                      card={card}
                      slug={slug}
                      timeZone={event.timeZone}
                      canEnter={mayEnterCard(card, viewer)}
                      note={clashNote(e.clashesWith)}
                      actions={
                        <>
                          {card.isHost ? null : (
                            <SignUpButton sessionId={card.session.id} title={card.session.title} mine={card.mine} isFull={false} openToAll={card.session.capacity === null && !card.session.signUpRequired} signUp={signUpAction} cancel={cancelSignUpAction} />
                          )}
                          <a className="small" href={`/api/sessions/${card.session.id}/ics`} download>Add to calendar (.ics)</a>
                        </>
                      }
                    />
                  );
                }
                const x = e.item.chat;
                const isTalent = x.chat.talentId === user.id;
                return (
                  <li key={e.key} className={c.item} aria-label={e.item.label}>
                    <div className={c.itemHead}>
                      <strong>{chatLabel(x)}</strong>
                      <span className="row">{x.mode ? <ModeBadge mode={x.mode} /> : null}<When iso={x.chat.startsAt!.toISOString()} eventLabel={formatInstant(x.chat.startsAt!, event.timeZone)} eventZone={event.timeZone} /></span>
                    </div>
                    {clashNote(e.clashesWith)}
                    <div className="row">
                      <ChatJoin slug={slug} chat={x.chat} mode={x.mode} event={event} />
                      {x.mode === 'in_person' ? <span className="small muted">In person at the event.</span> : null}
                      <Link className="small" href={isTalent ? `/events/${slug}/chats` : `/events/${slug}/chats/manage`}>Details</Link>
                      <a className="small" href={`/api/chats/${x.chat.id}/ics`} download>Add to calendar (.ics)</a>
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
