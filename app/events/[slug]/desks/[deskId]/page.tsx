import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { DeskAdmin } from '@/components/desks/desk-admin';
import { ParticipantDesk } from '@/components/desks/participant-desk';
import { QueueChart } from '@/components/desks/queue-chart';
import { ButtonLink } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { deskPage } from '@/lib/desks/desk-page';
import { queueChart } from '@/lib/desks/queue-chart';
import { AppError } from '@/lib/errors';
import { loadEventForPage } from '@/app/_page/load-event';
import { formatInstant } from '@/lib/time/format';
import { anonymiseDeskAction, enterDeskAction, leaveConversationAction, markPresenceAction, typingAction } from '../actions';

export const metadata: Metadata = { title: 'Chat desk' };

type Props = { params: Promise<{ slug: string; deskId: string }> };

export default async function DeskPage({ params }: Props) {
  const { slug, deskId } = await params;
  const { user } = await loadEventForPage(slug);
  const page = await deskPage(getDb(), user, { deskId }).catch((err: unknown) => {
    if (err instanceof AppError && (err.code === 'not_found' || err.code === 'invalid_input')) notFound();
    throw err;
  });
  const { desk, event } = page;
  if (page.event.slug !== slug) notFound();
  return (
    <div className="stack">
      <Card>
        <h2 style={{ marginTop: 0 }}>{desk.name}</h2>
        {desk.description ? <p>{desk.description}</p> : null}
        <p className="muted small">
          Open {formatInstant(desk.opensAt, event.timeZone)} – {formatInstant(desk.closesAt, event.timeZone)} ({event.timeZone})
        </p>
      </Card>
      {page.manages ? (
        <Card>
          <h3 style={{ marginTop: 0 }}>Queue over the day</h3>
          <QueueChart points={await queueChart(getDb(), desk.id)} label={(iso) => formatInstant(new Date(iso), event.timeZone)} />
          <DeskAdmin deskId={desk.id} anonymisedAt={desk.anonymisedAt ? formatInstant(desk.anonymisedAt, event.timeZone) : null} anonymise={anonymiseDeskAction} />
        </Card>
      ) : null}
      {page.moderates ? (
        <Alert tone="info">
          You moderate this desk. <ButtonLink href={`/events/${slug}/desks/all`}>All Conversations</ButtonLink>
        </Alert>
      ) : !user ? (
        <Alert tone="info">Sign in to talk to this desk.</Alert>
      ) : (
        <ParticipantDesk
          deskId={desk.id}
          myId={user.id}
          welcomeMessage={desk.welcomeMessage}
          initialConversationId={page.conversationId}
          actions={{ enter: enterDeskAction, leave: leaveConversationAction, presence: markPresenceAction, typing: typingAction }}
        />
      )}
    </div>
  );
}
