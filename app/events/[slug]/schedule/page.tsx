import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { LiveRefresh } from '@/components/live/use-live-refresh';
import { ButtonLink } from '@/components/ui/button';
import { Card, EmptyState } from '@/components/ui/card';
import { ModeBadge } from '@/components/ui/mode-badge';
import { When } from '@/components/ui/when';
import { ChatJoin } from '@/components/video/chat-join';
import { myConfirmedChats } from '@/lib/chats/my-schedule';
import { loadEventForPage } from '@/lib/events/load-event';
import { formatDay, formatInstant } from '@/lib/time/format';
import s from '@/components/chats/chats.module.css';

export const metadata: Metadata = { title: 'My Schedule' };

export default async function MySchedulePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, user } = await loadEventForPage(slug);
  if (!user) {
    return (
      <EmptyState title="Sign in to see your schedule">
        <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(`/events/${slug}/schedule`)}`}>Sign in</ButtonLink>
      </EmptyState>
    );
  }
  const chats = await myConfirmedChats(getDb(), event.id, user.id);
  // Grouped by the day in the event's zone, in time order.
  const days = new Map<string, typeof chats>();
  for (const c of chats) {
    const day = formatDay(c.chat.startsAt!.toLocaleDateString('en-CA', { timeZone: event.timeZone }));
    days.set(day, [...(days.get(day) ?? []), c]);
  }
  return (
    <div className="stack">
      <LiveRefresh topics={[`user:${user.id}`]} />
      <Card>
        <h2 style={{ margin: 0 }}>My Schedule</h2>
        <p className="muted small">Your confirmed 1-1 chats, in time order (times in {event.timeZone}). Join opens {event.joinOpensMinutesBefore} minutes before a video chat.</p>
      </Card>
      {chats.length === 0 ? (
        <EmptyState title="Nothing scheduled yet">
          <p>Confirmed 1-1 chats appear here with their Join button.</p>
          <ButtonLink href={`/events/${slug}/chats`} variant="secondary">Go to 1-1 Chats</ButtonLink>
        </EmptyState>
      ) : (
        [...days].map(([day, list]) => (
          <section key={day} className="stack" aria-label={day}>
            <h3 style={{ margin: 0 }}>{day}</h3>
            <ul className={s.list}>
              {list.map((c) => {
                const isTalent = c.chat.talentId === user.id;
                return (
                  <li key={c.chat.id} className={s.item}>
                    <div className={s.itemHead}>
                      <strong>{isTalent ? `${c.recruiterName} · ${c.company}` : `${c.talentName}${c.chat.recruiterId === user.id ? '' : ` with ${c.recruiterName}`}`}</strong>
                      <span className="row">{c.mode ? <ModeBadge mode={c.mode} /> : null}<When iso={c.chat.startsAt!.toISOString()} eventLabel={formatInstant(c.chat.startsAt!, event.timeZone)} eventZone={event.timeZone} /></span>
                    </div>
                    <div className="row">
                      <ChatJoin slug={slug} chat={c.chat} mode={c.mode} event={event} />
                      {c.mode === 'in_person' ? <span className="small muted">In person at the event.</span> : null}
                      <Link className="small" href={isTalent ? `/events/${slug}/chats` : `/events/${slug}/chats/manage`}>Details</Link>
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
