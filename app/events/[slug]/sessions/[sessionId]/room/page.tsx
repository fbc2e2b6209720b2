import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { SessionCompany } from '@/components/sessions/room/session-company';
import { RoomGate } from '@/components/sessions/room/room-gate';
import { Alert, EmptyState } from '@/components/ui/card';
import { ButtonLink } from '@/components/ui/button';
import { NoAccess } from '@/components/ui/no-access';
import { getCompanyProfile } from '@/lib/companies/queries';
import { loadEventForPage } from '@/app/_page/load-event';
import { isModerator, mayEnter, sessionRoleOf } from '@/lib/sessions/permissions';
import { sessionCard } from '@/lib/sessions/queries';
import { roomOpensAt } from '@/lib/sessions/room-window';
import { formatInstant } from '@/lib/time/format';
import { VIDEO_NOT_CONFIGURED, videoConfig } from '@/lib/video/video-config';

export const metadata: Metadata = { title: 'Session room' };

export default async function SessionRoomPage({ params }: { params: Promise<{ slug: string; sessionId: string }> }) {
  const { slug, sessionId } = await params;
  if (!z.uuid().safeParse(sessionId).success) notFound();
  const { event, user } = await loadEventForPage(slug);
  const back = `/events/${slug}/sessions/${sessionId}`;
  if (!user) {
    return (
      <EmptyState title="Sign in to enter this session">
        <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(`${back}/room`)}`}>Sign in</ButtonLink>
      </EmptyState>
    );
  }
  const db = getDb();
  const card = await sessionCard(db, sessionId, user.id);
  if (!card || card.session.eventId !== event.id) notFound();
  const { session } = card;
  const role = await sessionRoleOf(db, user, session);
  const isHost = isModerator(role);
  if (!isHost && !mayEnter(role, session)) {
    return <NoAccess what={role === 'waitlisted' ? 'You are on the waitlist: the room lets you in once you have a seat.' : 'Sign up for this session (or register for the event) to enter its room.'} backHref={back} />;
  }
  const profile = card.company ? await getCompanyProfile(db, event.id, card.company.slug) : undefined;
  let body;
  if (session.cancelledAt) body = <Alert tone="info">This session was cancelled, so its room is closed.</Alert>;
  else if (!videoConfig()) body = <Alert tone="warn"><strong>Video is not configured.</strong> {VIDEO_NOT_CONFIGURED}</Alert>;
  else {
    body = (
      <RoomGate
        sessionId={session.id}
        myId={user.id}
        myName={user.name ?? user.email ?? 'You'}
        backHref={back}
        isHost={isHost}
        company={<SessionCompany profile={profile} slug={slug} eventDescription={event.description} />}
        opensAtIso={roomOpensAt(session).toISOString()}
        endsAtIso={session.endsAt.toISOString()}
        timeZone={event.timeZone}
        opensLabel={`at ${formatInstant(roomOpensAt(session), event.timeZone)} (${event.timeZone})`}
      />
    );
  }
  return (
    <div className="stack">
      <p className="small"><Link href={back}>← {session.title}</Link></p>
      <h2 style={{ margin: 0 }}>{session.title}</h2>
      <p className="muted small" style={{ margin: 0 }}>Hosted by {card.hosts.map((h) => h.name).join(', ')}{card.company ? ` · ${card.company.name}` : ''}. {isHost ? 'You host: people on screen, the Q&A and the breakout rooms are yours to run.' : 'You are in the audience: camera and microphone stay off until a host brings you on screen (in a breakout room everyone talks).'}</p>
      {body}
      <p className="small muted">
        Technical trouble? <Link href={`/events/${slug}/desks`} target="_blank">Ask the event’s support desk</Link> (opens in a new tab, so you stay in the room).
      </p>
    </div>
  );
}
