import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { CancelForm, DeclineForm, SlotPicker, WithdrawButton } from '@/components/chats/chat-actions';
import { BookForm, RequestForm } from '@/components/chats/talent-forms';
import { LiveRefresh } from '@/components/live/use-live-refresh';
import { ButtonLink } from '@/components/ui/button';
import { ModeBadge } from '@/components/ui/mode-badge';
import { ChatJoin } from '@/components/video/chat-join';
import { When } from '@/components/ui/when';
import { Alert, Badge, Card, EmptyState } from '@/components/ui/card';
import { mayInitiate, refundsTalentOnCancel } from '@/lib/chats/chat-rules';
import { creditBalance } from '@/lib/chats/credits';
import { listChatsOf, listOpenRecruiters, OPEN_STATUSES } from '@/lib/chats/queries';
import { slotOptions } from '@/lib/chats/view';
import { loadEventForPage } from '@/lib/events/load-event';
import { formatInstant } from '@/lib/time/format';
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
  const options = new Map<string, Awaited<ReturnType<typeof slotOptions>>>();
  for (const id of new Set([...recruiters.map((r) => r.id), ...mine.map((m) => m.chat.recruiterId)])) options.set(id, await slotOptions(db, event.id, id, event.timeZone, now));
  const when = (d: Date | null) => (d ? <When iso={d.toISOString()} eventLabel={formatInstant(d, event.timeZone)} eventZone={event.timeZone} /> : null);
  const needsAction = mine.filter((m) => (m.chat.status === 'accepted' && m.chat.initiatedBy === 'talent') || (m.chat.status === 'pending' && m.chat.initiatedBy === 'recruiter'));
  const sent = mine.filter((m) => m.chat.status === 'pending' && m.chat.initiatedBy === 'talent');
  const confirmed = mine.filter((m) => m.chat.status === 'confirmed');
  const past = mine.filter((m) => ['declined', 'withdrawn', 'cancelled', 'completed'].includes(m.chat.status));

  // The talent's own cancel keeps a spent request spent (refundsTalentOnCancel).
  const cancelNote = (c: { initiatedBy: 'talent' | 'recruiter' }) => (c.initiatedBy === 'talent' && !refundsTalentOnCancel(c, true) ? 'Cancelling does not give your request back.' : undefined);
  return (
    <div className="stack">
      <LiveRefresh topics={[`event:${event.id}`, `user:${user.id}`]} />
      <Card>
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <strong>{credits.limit === null ? 'Unlimited requests' : `${credits.left} of ${credits.limit} requests left`}</strong>
          <span className="muted small">Each request or direct booking uses one. You get it back when you withdraw a request or when the recruiter cancels the chat; not when a request is declined or you cancel.</span>
        </div>
      </Card>

      <section className="stack" aria-label="My 1-1 Chats">
        <h2>My 1-1 Chats</h2>
        {mine.length === 0 ? <p className="muted">No chats yet. Book or request one below.</p> : null}
        {needsAction.length ? <h3>Needs your action</h3> : null}
        <ul className={s.list}>
          {needsAction.map((m) => (
            <li key={m.chat.id} className={s.item}>
              <div className={s.itemHead}><strong>{m.recruiterName} · {m.company}</strong><Badge tone="warn">{m.chat.initiatedBy === 'recruiter' ? 'Invitation' : 'Pick a time'}</Badge></div>
              {m.chat.message ? <p className="small" style={{ margin: 0 }}>“{m.chat.message}”</p> : null}
              <SlotPicker chatId={m.chat.id} slots={options.get(m.chat.recruiterId) ?? []} mode="pick" />
              {m.chat.status === 'pending' ? <DeclineForm chatId={m.chat.id} colleagues={[]} /> : <CancelForm chatId={m.chat.id} note={cancelNote(m.chat)} />}
            </li>
          ))}
        </ul>
        {confirmed.length ? <h3>Confirmed</h3> : null}
        <ul className={s.list}>
          {confirmed.map((m) => (
            <li key={m.chat.id} className={s.item}>
              <div className={s.itemHead}><strong>{m.recruiterName} · {m.company}</strong><span className="row">{m.mode ? <ModeBadge mode={m.mode} /> : null}<Badge tone="ok">{when(m.chat.startsAt)}</Badge></span></div>
              <ChatJoin slug={slug} chat={m.chat} mode={m.mode} event={event} />
              <SlotPicker chatId={m.chat.id} slots={options.get(m.chat.recruiterId) ?? []} mode="reschedule" />
              <CancelForm chatId={m.chat.id} note={cancelNote(m.chat)} />
            </li>
          ))}
        </ul>
        {sent.length ? <h3>Sent requests</h3> : null}
        <ul className={s.list}>
          {sent.map((m) => (
            <li key={m.chat.id} className={s.item}>
              <div className={s.itemHead}><strong>{m.recruiterName} · {m.company}</strong><Badge>Waiting for the recruiter</Badge></div>
              <WithdrawButton chatId={m.chat.id} />
            </li>
          ))}
        </ul>
        {past.length ? <h3>Earlier</h3> : null}
        <ul className={s.list}>
          {past.map((m) => (
            <li key={m.chat.id} className={s.item}>
              <div className={s.itemHead}><strong>{m.recruiterName} · {m.company}</strong><Badge>{STATUS_LABEL[m.chat.status]}</Badge></div>
              {m.chat.declineMessage ? <p className="small" style={{ margin: 0 }}>“{m.chat.declineMessage}”</p> : null}
              {m.chat.suggestedRecruiterId ? (
                <p className="small" style={{ margin: 0 }}>
                  They suggest their colleague{' '}
                  <Link href={`/events/${slug}/companies/${m.companySlug}`}><strong>{m.suggestedName ?? 'a colleague'}</strong></Link>
                  {recruiters.some((r) => r.id === m.chat.suggestedRecruiterId) ? ' — see them in the list below.' : ' — they will appear below once they open their calendar.'}
                </p>
              ) : null}
              {m.chat.cancelReason ? <p className="small" style={{ margin: 0 }}>Reason: {m.chat.cancelReason}</p> : null}
              {m.chat.recruiterNoShow ? <p className="small" style={{ margin: 0 }}>{m.recruiterName} did not join the call{m.chat.initiatedBy === 'talent' ? ', so your request was given back.' : '.'}</p> : null}
              {m.chat.status === 'completed' && m.mode !== 'in_person' ? <Link className="small" href={`/events/${slug}/chats/${m.chat.id}/call`}>Messages of this chat</Link> : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="stack" aria-label="Open for 1-1 chats">
        <h2>Open for 1-1 chats</h2>
        {!talentsMayStart ? <Alert tone="info">In this event recruiters invite talents. Keep your profile complete so they find you.</Alert> : null}
        {recruiters.length === 0 ? (
          <EmptyState title="No recruiters are open yet"><p>Recruiters appear here as soon as they confirm their availability.</p></EmptyState>
        ) : (
          <ul className={s.list}>
            {recruiters.map((r) => {
              const disabledReason = !talentsMayStart ? 'Recruiters start chats in this event.' : openWith.has(r.id) ? 'You already have an open chat with this recruiter.' : outOfCredits ? 'No requests left.' : undefined;
              return (
                <li key={r.id} className={s.item}>
                  <div className={s.itemHead}>
                    <span><strong>{r.name}</strong> · <Link href={`/events/${slug}/companies/${r.companySlug}`}>{r.company}</Link></span>
                    <Badge tone="brand">{r.settings.bookingMode === 'direct' ? 'Direct Booking' : 'Selective Booking'}</Badge>
                  </div>
                  {r.headline ? <span className="muted small">{r.headline}</span> : null}
                  <span className="small">{r.freeSlots} open slot{r.freeSlots === 1 ? '' : 's'} · {r.pendingRequests} pending request{r.pendingRequests === 1 ? '' : 's'}</span>
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
