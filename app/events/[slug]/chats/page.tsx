import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { CancelForm, ChatMenu, DeclineForm, SlotPicker, WithdrawButton } from '@/components/chats/chat-actions';
import { RequestFilter, TalentColumns } from '@/components/chats/talent-layout';
import { BookForm, RequestForm } from '@/components/chats/talent-forms';
import { LiveRefresh } from '@/components/live/use-live-refresh';
import { ButtonLink } from '@/components/ui/button';
import { ModeBadge } from '@/components/ui/mode-badge';
import { ChatJoin } from '@/components/video/chat-join';
import { When } from '@/components/ui/when';
import { Alert, Badge, Card, EmptyState } from '@/components/ui/card';
import { mayInitiate } from '@/lib/chats/chat-rules';
import { creditBalance } from '@/lib/chats/credits';
import { listChatsOf, listOpenRecruiters, OPEN_STATUSES } from '@/lib/chats/queries';
import { endedByLabel, slotOptions, slotOptionsOf, type TBusy } from '@/lib/chats/view';
import { loadEventForPage } from '@/app/_page/load-event';
import { formatDayOf, formatInstant } from '@/lib/time/format';
import s from '@/components/chats/chats.module.css';

export const metadata: Metadata = { title: '1-1 Chats' };

const STATUS_LABEL = { pending: 'Pending', accepted: 'In scheduling', confirmed: 'Confirmed', declined: 'Declined', withdrawn: 'Withdrawn', cancelled: 'Cancelled', completed: 'Completed' } as const;

export default async function TalentChatsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, user, roles } = await loadEventForPage(slug);
  if (!user) {
    return (
      <EmptyState title="Sign in to book 1-1 chats">
        <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(`/events/${slug}/chats`)}`}>Sign in</ButtonLink>
      </EmptyState>
    );
  }
  if (!roles.includes('talent')) {
    if (roles.includes('recruiter')) {
      return (
        <EmptyState title="You take part as a recruiter">
          <p>Set your availability and answer requests in Manage 1-1 Chats.</p>
          <ButtonLink href={`/events/${slug}/chats/manage`}>Manage 1-1 Chats</ButtonLink>
        </EmptyState>
      );
    }
    return (
      <EmptyState title="Register to book 1-1 chats">
        <p>1-1 chats are for talents registered for this event.</p>
        <ButtonLink href={`/events/${slug}`}>Go to the lobby</ButtonLink>
      </EmptyState>
    );
  }
  const db = getDb();
  const now = new Date();
  const [recruiters, mine, credits] = await Promise.all([
    listOpenRecruiters(db, event.id, now),
    listChatsOf(db, event.id, user.id, 'talent'),
    creditBalance(db, event.id, user.id, 'talent'),
  ]);
  const openWith = new Set(mine.filter((m) => (OPEN_STATUSES as readonly string[]).includes(m.chat.status)).map((m) => m.chat.recruiterId));
  const talentsMayStart = mayInitiate(event, 'talent');
  const outOfCredits = credits.left !== null && credits.left <= 0;
  const confirmed = mine.filter((m) => m.chat.status === 'confirmed');
  // The talent's own confirmed chats: slots at those times are marked, not offered.
  const busyOf = (exceptChatId?: string): TBusy[] =>
    confirmed.filter((m) => m.chat.id !== exceptChatId && m.chat.startsAt && m.chat.endsAt).map((m) => ({ startsAt: m.chat.startsAt!, endsAt: m.chat.endsAt!, with: m.recruiterName ?? 'a recruiter' }));
  // Every recruiter's free slots in one query, not one per recruiter.
  const options = await slotOptionsOf(db, event.id, [...new Set([...recruiters.map((r) => r.id), ...mine.map((m) => m.chat.recruiterId)])], event.timeZone, now, busyOf());
  const rescheduleOptions = async (m: (typeof mine)[number]) => slotOptions(db, event.id, m.chat.recruiterId, event.timeZone, now, busyOf(m.chat.id));
  const when = (d: Date | null) => (d ? <When iso={d.toISOString()} eventLabel={formatInstant(d, event.timeZone)} eventZone={event.timeZone} /> : null);
  const needsAction = mine.filter((m) => (m.chat.status === 'accepted' && m.chat.initiatedBy === 'talent') || (m.chat.status === 'pending' && m.chat.initiatedBy === 'recruiter'));
  const sent = mine.filter((m) => m.chat.status === 'pending' && m.chat.initiatedBy === 'talent');
  const head = (m: (typeof mine)[number], badge: ReactNode) => (
    <div className={s.itemHead}><strong>{m.recruiterName} · {m.company}</strong>{badge}</div>
  );

  const needsActionItems = needsAction.map((m) => (
    <li key={m.chat.id} id={`chat-${m.chat.id}`} className={s.item}>
      {head(m, <Badge tone="warn">{m.chat.initiatedBy === 'recruiter' ? 'Invitation' : 'Pick a time'}</Badge>)}
      {m.chat.message ? <p className="small" style={{ margin: 0 }}>“{m.chat.message}”</p> : null}
      <SlotPicker chatId={m.chat.id} slots={options.get(m.chat.recruiterId) ?? []} recruiterName={m.recruiterName ?? 'The recruiter'} />
      {m.chat.status === 'pending' ? (
        <DeclineForm chatId={m.chat.id} colleagues={[]} to="recruiter" />
      ) : (
        <CancelForm chatId={m.chat.id} note={(options.get(m.chat.recruiterId) ?? []).length === 0 ? 'No slot is free, so cancelling gives your request back.' : 'Cancelling does not give your request back.'} />
      )}
    </li>
  ));
  const pastItem = (m: (typeof mine)[number]) => (
    <li key={m.chat.id} id={`chat-${m.chat.id}`} className={s.item}>
      {head(m, <Badge>{endedByLabel(m.chat, 'talent') || STATUS_LABEL[m.chat.status]}</Badge>)}
      {m.chat.status === 'completed' && m.chat.startsAt ? <span className="small">{when(m.chat.startsAt)}</span> : null}
      {m.chat.declineMessage ? <p className="small" style={{ margin: 0 }}>“{m.chat.declineMessage}”</p> : null}
      {m.chat.suggestedRecruiterId ? (
        <p className="small" style={{ margin: 0 }}>
          They suggest their colleague{' '}
          <Link href={`/events/${slug}/companies/${m.companySlug}`}><strong>{m.suggestedName ?? 'a colleague'}</strong></Link>
          {recruiters.some((r) => r.id === m.chat.suggestedRecruiterId) ? ' — see them under “Open for 1-1 chats”.' : ' — they will appear under “Open for 1-1 chats” once they open their calendar.'}
        </p>
      ) : null}
      {m.chat.cancelReason ? <p className="small" style={{ margin: 0 }}>Reason: {m.chat.cancelReason}</p> : null}
      {m.chat.recruiterNoShow ? <p className="small" style={{ margin: 0 }}>{m.recruiterName} did not join the call{m.chat.initiatedBy === 'talent' ? ', so your request was given back.' : '.'}</p> : null}
      {m.chat.status === 'completed' && m.mode !== 'in_person' ? <Link className="small" href={`/events/${slug}/chats/${m.chat.id}/call`}>Messages of this chat</Link> : null}
    </li>
  );
  const groups = [
    { key: 'sent', label: 'Sent', items: sent.map((m) => (
      <li key={m.chat.id} id={`chat-${m.chat.id}`} className={s.item}>
        {head(m, <Badge>Waiting for the recruiter</Badge>)}
        {m.chat.message ? <p className="small" style={{ margin: 0 }}>“{m.chat.message}”</p> : null}
        <WithdrawButton chatId={m.chat.id} />
      </li>
    )) },
    { key: 'declined', label: 'Declined', items: mine.filter((m) => m.chat.status === 'declined' || m.chat.status === 'withdrawn').map(pastItem) },
    { key: 'cancelled', label: 'Cancelled', items: mine.filter((m) => m.chat.status === 'cancelled').map(pastItem) },
    { key: 'completed', label: 'Completed', items: mine.filter((m) => m.chat.status === 'completed').map(pastItem) },
  ];

  // Confirmed chats by day (in the event's zone), in time order.
  const byDay = new Map<string, typeof confirmed>();
  for (const m of [...confirmed].sort((a, b) => (a.chat.startsAt?.getTime() ?? 0) - (b.chat.startsAt?.getTime() ?? 0))) {
    const day = m.chat.startsAt ? formatDayOf(m.chat.startsAt, event.timeZone) : 'No time yet';
    byDay.set(day, [...(byDay.get(day) ?? []), m]);
  }
  const confirmedSide = confirmed.length === 0 ? (
    <p className="muted small" style={{ margin: 0 }}>No confirmed chats yet. Book or request one below.</p>
  ) : (
    await Promise.all(
      [...byDay].map(async ([day, list]) => (
        <div key={day} className="stack" style={{ gap: 8 }}>
          <h4 className={s.dayHead}>{day}</h4>
          <ul className={s.list}>
            {await Promise.all(
              list.map(async (m) => {
                const started = !!m.chat.startsAt && m.chat.startsAt.getTime() <= now.getTime();
                return (
                  <li key={m.chat.id} id={`chat-${m.chat.id}`} className={s.item}>
                    {head(m, <span className="row" style={{ gap: 6 }}>{m.mode ? <ModeBadge mode={m.mode} /> : null}<Badge tone="ok">{when(m.chat.startsAt)}</Badge>{started ? <Badge tone="brand">Under way</Badge> : null}</span>)}
                    <ChatJoin slug={slug} chat={m.chat} mode={m.mode} event={event} />
                    {started ? null : <ChatMenu chatId={m.chat.id} about={m.recruiterName ?? 'the recruiter'} reschedule={await rescheduleOptions(m)} cancel cancelNote={m.chat.initiatedBy === 'talent' ? 'Cancelling does not give your request back.' : undefined} />}
                  </li>
                );
              }),
            )}
          </ul>
        </div>
      )),
    )
  );

  return (
    <div className="stack">
      <LiveRefresh topics={[`event:${event.id}`, `user:${user.id}`]} />
      <Card>
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <strong>{credits.limit === null ? 'Unlimited requests' : `${credits.left} of ${credits.limit} requests left`}</strong>
          <span className="muted small">Each request or direct booking uses one. You get it back when you withdraw a request, when the recruiter cancels the chat, or when you cancel an approved request while no slot is free; not when a request is declined or you cancel otherwise.</span>
        </div>
      </Card>

      <section className="stack" aria-label="My 1-1 Chats">
        <h2>My 1-1 Chats</h2>
        <TalentColumns
          requestsCount={needsAction.length + sent.length}
          confirmedCount={confirmed.length}
          requests={
            <>
              {needsAction.length ? (
                <div className="stack" style={{ gap: 8 }}>
                  <h4 className={s.dayHead}>Needs your action</h4>
                  <ul className={s.list}>{needsActionItems}</ul>
                </div>
              ) : null}
              <RequestFilter groups={groups} />
            </>
          }
          confirmed={confirmedSide}
        />
      </section>

      <section className="stack" aria-label="Open for 1-1 chats">
        <h2>Open for 1-1 chats</h2>
        {!talentsMayStart ? <Alert tone="info">In this event recruiters invite talents. Keep your profile complete so they find you.</Alert> : null}
        {recruiters.length === 0 ? (
          <EmptyState title="No recruiters are open yet"><p>Recruiters appear here as soon as they confirm their availability.</p></EmptyState>
        ) : (
          <ul className={s.list}>
            {recruiters.map((r) => {
              // No free slot: a request would spend a credit on a chat that cannot get a time yet.
              const disabledReason = !talentsMayStart
                ? 'Recruiters start chats in this event.'
                : openWith.has(r.id)
                  ? 'You already have an open chat with this recruiter.'
                  : outOfCredits
                    ? 'No requests left.'
                    : r.freeSlots === 0
                      ? `${r.name ?? 'This recruiter'} has no free slot right now. You can ${r.settings.bookingMode === 'direct' ? 'book' : 'request'} a chat as soon as they add one — this list updates by itself.`
                      : undefined;
              return (
                <li key={r.id} className={s.item}>
                  <div className={s.itemHead}>
                    <span><strong>{r.name}</strong> · <Link href={`/events/${slug}/companies/${r.companySlug}`}>{r.company}</Link></span>
                    <Badge tone="brand">{r.settings.bookingMode === 'direct' ? 'Direct Booking' : 'Selective Booking'}</Badge>
                  </div>
                  {r.headline ? <span className="muted small">{r.headline}</span> : null}
                  <span className="small">{r.freeSlots === 0 ? 'No open slots' : `${r.freeSlots} open slot${r.freeSlots === 1 ? '' : 's'}`} · {r.pendingRequests} pending request{r.pendingRequests === 1 ? '' : 's'}</span>
                  {[r.settings.background, r.settings.experienceLevel, r.settings.languages.join(', '), r.settings.topics].some(Boolean) ? (
                    <span className="small muted">{[r.settings.background, r.settings.experienceLevel, r.settings.languages.join(', '), r.settings.topics].filter(Boolean).join(' · ')}</span>
                  ) : null}
                  {r.settings.bookingMode === 'direct' ? (
                    <BookForm recruiterName={r.name ?? 'recruiter'} slots={options.get(r.id) ?? []} question={r.settings.customQuestion} disabledReason={disabledReason} />
                  ) : (
                    <RequestForm eventId={event.id} recruiterId={r.id} recruiterName={r.name ?? 'recruiter'} question={r.settings.customQuestion} disabledReason={disabledReason} />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
