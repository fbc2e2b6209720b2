'use client';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { LiveOnly } from '@/components/live/use-refresh-after-change';
import { Alert, Badge, Card, EmptyState } from '@/components/ui/card';
import { ModeBadge } from '@/components/ui/mode-badge';
import { When } from '@/components/ui/when';
import { ChatJoin } from '@/components/video/chat-join';
import type { TOpenRecruiters } from '@/lib/chats/open-recruiters';
import { slotOptionsFor, type TBusy } from '@/lib/chats/slot-options';
import type { TTalentChat, TTalentChats } from '@/lib/chats/talent-chats';
import { formatDayOf, formatInstant } from '@/lib/time/format';
import { CalendarLink, CancelForm, ChatMenu, DeclineForm, SlotPicker, WithdrawButton } from './chat-actions';
import { RequestFilter, TalentColumns } from './talent-layout';
import { BookForm, RequestForm } from './talent-forms';
import { useOpenRecruiters, useTalentChats } from './use-chat-reads';
import s from './chats.module.css';

const STATUS_LABEL = { pending: 'Pending', accepted: 'In scheduling', confirmed: 'Confirmed', declined: 'Declined', withdrawn: 'Withdrawn', cancelled: 'Cancelled', completed: 'Completed' } as const;
const OPEN = new Set(['pending', 'accepted', 'confirmed']);

type TEventInfo = { id: string; slug: string; timeZone: string; joinOpensMinutesBefore: number };

/**
 * A talent's 1-1 Chats: their chats and credits (live on `user:<me>`) and the open recruiters
 * with free slots (live on `open-recruiters:<event>`). First painted from the server's data.
 */
export function TalentChatsView({ event, meId, talentsMayStart, initial }: {
  event: TEventInfo;
  meId: string;
  talentsMayStart: boolean;
  initial: { mine: TTalentChats; open: TOpenRecruiters };
}) {
  const { data: mine } = useTalentChats(event.id, meId, initial.mine);
  const { data: open, loadSlots } = useOpenRecruiters(event.id, initial.open);
  const { chats, credits } = mine;
  const { recruiters } = open;
  const slug = event.slug;
  const now = Date.now();
  const at = (iso: string | null) => (iso ? new Date(iso) : null);
  const openWith = new Set(chats.filter((c) => OPEN.has(c.status)).map((c) => c.recruiterId));
  const outOfCredits = credits.left !== null && credits.left <= 0;
  const confirmed = chats.filter((c) => c.status === 'confirmed');
  // The talent's own confirmed chats: slots at those times are marked, not offered.
  const busyOf = (exceptChatId?: string): TBusy[] =>
    confirmed.filter((c) => c.id !== exceptChatId && c.startsAt && c.endsAt).map((c) => ({ startsAt: c.startsAt!, endsAt: c.endsAt!, with: c.recruiterName ?? 'a recruiter' }));
  const optionsOf = (recruiterId: string, exceptChatId?: string) => slotOptionsFor(open.slots[recruiterId] ?? [], busyOf(exceptChatId));
  const when = (iso: string | null) => (iso ? <When iso={iso} eventLabel={formatInstant(new Date(iso), event.timeZone)} eventZone={event.timeZone} /> : null);
  const needsAction = chats.filter((c) => (c.status === 'accepted' && c.initiatedBy === 'talent') || (c.status === 'pending' && c.initiatedBy === 'recruiter'));
  const sent = chats.filter((c) => c.status === 'pending' && c.initiatedBy === 'talent');
  const head = (c: TTalentChat, badge: ReactNode) => (
    <div className={s.itemHead}><strong>{c.recruiterName} · {c.company}</strong>{badge}</div>
  );

  const needsActionItems = needsAction.map((c) => (
    <li key={c.id} id={`chat-${c.id}`} className={s.item}>
      {head(c, <Badge tone="warn">{c.initiatedBy === 'recruiter' ? 'Invitation' : 'Pick a time'}</Badge>)}
      {c.message ? <p className="small" style={{ margin: 0 }}>“{c.message}”</p> : null}
      <SlotPicker chatId={c.id} slots={optionsOf(c.recruiterId)} recruiterName={c.recruiterName ?? 'The recruiter'} />
      {c.status === 'pending' ? (
        <DeclineForm chatId={c.id} colleagues={[]} to="recruiter" />
      ) : (
        <CancelForm chatId={c.id} note={(open.slots[c.recruiterId] ?? []).length === 0 ? 'No slot is free, so cancelling gives your request back.' : 'Cancelling does not give your request back.'} />
      )}
    </li>
  ));
  const pastItem = (c: TTalentChat) => (
    <li key={c.id} id={`chat-${c.id}`} className={s.item}>
      {head(c, <Badge>{c.endedBy || STATUS_LABEL[c.status]}</Badge>)}
      {c.status === 'completed' && c.startsAt ? <span className="small">{when(c.startsAt)}</span> : null}
      {c.declineMessage ? <p className="small" style={{ margin: 0 }}>“{c.declineMessage}”</p> : null}
      {c.suggestedRecruiterId ? (
        <p className="small" style={{ margin: 0 }}>
          They suggest their colleague{' '}
          <Link href={`/events/${slug}/companies/${c.companySlug}`}><strong>{c.suggestedName ?? 'a colleague'}</strong></Link>
          {recruiters.some((r) => r.id === c.suggestedRecruiterId) ? ' — see them under “Open for 1-1 chats”.' : ' — they will appear under “Open for 1-1 chats” once they open their calendar.'}
        </p>
      ) : null}
      {c.cancelReason ? <p className="small" style={{ margin: 0 }}>Reason: {c.cancelReason}</p> : null}
      {c.recruiterNoShow ? <p className="small" style={{ margin: 0 }}>{c.recruiterName} did not join the call{c.initiatedBy === 'talent' ? ', so your request was given back.' : '.'}</p> : null}
      {c.status === 'completed' && c.mode !== 'in_person' ? <Link className="small" href={`/events/${slug}/chats/${c.id}/call`}>Messages of this chat</Link> : null}
    </li>
  );
  const groups = [
    { key: 'sent', label: 'Sent', items: sent.map((c) => (
      <li key={c.id} id={`chat-${c.id}`} className={s.item}>
        {head(c, <Badge>Waiting for the recruiter</Badge>)}
        {c.message ? <p className="small" style={{ margin: 0 }}>“{c.message}”</p> : null}
        <WithdrawButton chatId={c.id} />
      </li>
    )) },
    { key: 'declined', label: 'Declined', items: chats.filter((c) => c.status === 'declined' || c.status === 'withdrawn').map(pastItem) },
    { key: 'cancelled', label: 'Cancelled', items: chats.filter((c) => c.status === 'cancelled').map(pastItem) },
    { key: 'completed', label: 'Completed', items: chats.filter((c) => c.status === 'completed').map(pastItem) },
  ];

  // Confirmed chats by day (in the event's zone), in time order.
  const byDay = new Map<string, TTalentChat[]>();
  for (const c of [...confirmed].sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? ''))) {
    const day = c.startsAt ? formatDayOf(new Date(c.startsAt), event.timeZone) : 'No time yet';
    byDay.set(day, [...(byDay.get(day) ?? []), c]);
  }
  const confirmedSide = confirmed.length === 0 ? (
    <p className="muted small" style={{ margin: 0 }}>No confirmed chats yet. Book or request one below.</p>
  ) : (
    [...byDay].map(([day, list]) => (
      <div key={day} className="stack" style={{ gap: 8 }}>
        <h4 className={s.dayHead}>{day}</h4>
        <ul className={s.list}>
          {list.map((c) => {
            const started = !!c.startsAt && Date.parse(c.startsAt) <= now;
            return (
              <li key={c.id} id={`chat-${c.id}`} className={s.item}>
                {head(c, <span className="row" style={{ gap: 6 }}>{c.mode ? <ModeBadge mode={c.mode} /> : null}<Badge tone="ok">{when(c.startsAt)}</Badge>{started ? <Badge tone="brand">Under way</Badge> : null}</span>)}
                <ChatJoin slug={slug} chat={{ id: c.id, startsAt: at(c.startsAt), endsAt: at(c.endsAt) }} mode={c.mode} event={event} />
                {started ? null : <CalendarLink chatId={c.id} />}
                {started ? null : <ChatMenu chatId={c.id} about={c.recruiterName ?? 'the recruiter'} reschedule={optionsOf(c.recruiterId, c.id)} cancel cancelNote={c.initiatedBy === 'talent' ? 'Cancelling does not give your request back.' : undefined} />}
              </li>
            );
          })}
        </ul>
      </div>
    ))
  );

  return (
    <LiveOnly>
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
                      ? `${r.name ?? 'This recruiter'} has no free slot right now. You can ${r.bookingMode === 'direct' ? 'book' : 'request'} a chat as soon as they add one — this list updates by itself.`
                      : undefined;
              return (
                <li key={r.id} className={s.item}>
                  <div className={s.itemHead}>
                    <span><strong>{r.name}</strong> · <Link href={`/events/${slug}/companies/${r.companySlug}`}>{r.company}</Link></span>
                    <Badge tone="brand">{r.bookingMode === 'direct' ? 'Direct Booking' : 'Selective Booking'}</Badge>
                  </div>
                  {r.headline ? <span className="muted small">{r.headline}</span> : null}
                  <span className="small">{r.freeSlots === 0 ? 'No open slots' : `${r.freeSlots} open slot${r.freeSlots === 1 ? '' : 's'}`} · {r.pendingRequests} pending request{r.pendingRequests === 1 ? '' : 's'}</span>
                  {r.details.length ? <span className="small muted">{r.details.join(' · ')}</span> : null}
                  {r.bookingMode === 'direct' ? (
                    <BookForm recruiterName={r.name ?? 'recruiter'} slots={open.slots[r.id] ? optionsOf(r.id) : null} loadSlots={() => loadSlots(r.id)} question={r.customQuestion} disabledReason={disabledReason} />
                  ) : (
                    <RequestForm eventId={event.id} recruiterId={r.id} recruiterName={r.name ?? 'recruiter'} question={r.customQuestion} disabledReason={disabledReason} />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </LiveOnly>
  );
}
