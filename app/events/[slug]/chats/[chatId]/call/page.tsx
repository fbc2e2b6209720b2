import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { LiveRefresh } from '@/components/live/use-live-refresh';
import { Alert, Badge, Card, EmptyState } from '@/components/ui/card';
import { ButtonLink } from '@/components/ui/button';
import { When } from '@/components/ui/when';
import { CallMessages } from '@/components/video/call-messages';
import { CallRoom } from '@/components/video/call-room';
import { JoinAsColleague } from '@/components/video/colleague-controls';
import { loadEventForPage } from '@/app/_page/load-event';
import { readForPage } from '@/app/_page/read-for-page';
import { formatInstant } from '@/lib/time/format';
import { callPageData } from '@/lib/chats/call-page';
import { VIDEO_NOT_CONFIGURED, VIDEO_UNAVAILABLE_FOR_PARTICIPANTS, videoConfig } from '@/lib/video/video-config';
import s from '@/components/video/video.module.css';

export const metadata: Metadata = { title: '1-1 chat call' };

type Props = { params: Promise<{ slug: string; chatId: string }> };

export default async function ChatCallPage({ params }: Props) {
  const { slug, chatId } = await params;
  const { event, user, canManage } = await loadEventForPage(slug);
  const back = `/events/${slug}/chats`;
  if (!user) {
    return (
      <EmptyState title="Sign in to join this call">
        <p>Only the people of this 1-1 chat can join it.</p>
        <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(`/events/${slug}/chats/${chatId}/call`)}`}>Sign in</ButtonLink>
      </EmptyState>
    );
  }
  const db = getDb();
  const read = await readForPage(callPageData(db, user, chatId), back);
  if (!read.ok) return read.page;
  const data = read.data;
  if (data.call.event.id !== event.id) notFound();

  const { call, role, talent, recruiter, company, colleagues, window } = data;
  const other = role === 'talent' ? recruiter : talent;
  const heading = role === 'talent' ? `1-1 chat with ${recruiter.name} · ${company.name}` : `1-1 chat with ${talent.name}`;
  const startsAt = call.chat.startsAt;
  const configured = !!videoConfig();
  let body;
  if (call.chat.status !== 'confirmed') {
    body = <Alert tone="info">This chat is {call.chat.status === 'completed' ? 'over' : call.chat.status}, so its call is closed.</Alert>;
  } else if (call.mode === 'in_person') {
    body = <Alert tone="info">This chat takes place in person at the event, not on video.</Alert>;
  } else if (!configured) {
    body = (
      // Talents and recruiters cannot change the installation: they get what it means and whom to ask.
      <Alert tone="warn">
        {canManage ? (
          <>
            <strong>Video is not configured.</strong> {VIDEO_NOT_CONFIGURED}
          </>
        ) : (
          <>
            <strong>Video calls are not available.</strong> {VIDEO_UNAVAILABLE_FOR_PARTICIPANTS}
          </>
        )}
      </Alert>
    );
  } else if (role === 'company') {
    body = (
      <div className="stack">
        <Alert tone="info">This is a chat of your company. Join it as a colleague: {talent.name} will see you in the call.</Alert>
        <div><JoinAsColleague chatId={call.chat.id} /></div>
      </div>
    );
  } else {
    body = (
      <CallRoom
        chatId={call.chat.id}
        myName={user.name ?? user.email ?? 'You'}
        opensAtIso={window!.opensAt.toISOString()}
        closesAtIso={window!.closesAt.toISOString()}
        opensLabel={`at ${formatInstant(window!.opensAt, event.timeZone)} (${event.timeZone})`}
      />
    );
  }
  const inCall = role !== 'company';
  return (
    <div className="stack">
      <LiveRefresh topics={[`user:${user.id}`]} />
      <p className="small row" style={{ justifyContent: 'space-between' }}>
        <Link href={role === 'talent' ? back : `/events/${slug}/chats/manage`}>← Back to 1-1 chats</Link>
        <Link href={`/events/${slug}/desks`} target="_blank">Need help? Ask a chat desk</Link>
      </p>
      <Card>
        <div className="row" style={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
          <div className="stack" style={{ gap: 4 }}>
            <h1 style={{ margin: 0, fontSize: '1.4rem' }}>{heading}</h1>
            {other.headline ? <span className="muted">{other.headline}</span> : null}
          </div>
          {startsAt ? <Badge tone="ok"><When iso={startsAt.toISOString()} eventLabel={formatInstant(startsAt, event.timeZone)} eventZone={event.timeZone} /></Badge> : null}
        </div>
        <ul className={s.people} aria-label="In this chat">
          <li><strong>{talent.name}</strong> <span className="muted small">talent</span></li>
          <li><strong>{recruiter.name}</strong> <span className="muted small">recruiter, {company.name}</span></li>
          {colleagues.map((c) => <li key={c.id}><strong>{c.name}</strong> <span className="muted small">colleague, {company.name}</span></li>)}
        </ul>
      </Card>
      <div className={s.layout}>
        <div>{body}</div>
        <CallMessages chatId={call.chat.id} myId={user.id} canWrite={inCall && (call.chat.status === 'confirmed' || call.chat.status === 'completed')} />
      </div>
    </div>
  );
}
