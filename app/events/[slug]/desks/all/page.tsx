import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { ModeratorBoard } from '@/components/desks/moderator-board';
import { NoAccess } from '@/components/ui/no-access';
import { moderatedDeskIds } from '@/lib/desks/desk-page';
import { loadEventForPage } from '@/app/_page/load-event';
import {
  addTagAction,
  admitNextAction,
  assignToMeAction,
  closeConversationAction,
  markReadAction,
  removeTagAction,
  setConfidentialAction,
  typingAction,
} from '../actions';

export const metadata: Metadata = { title: 'All Conversations' };

export default async function AllConversationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, user } = await loadEventForPage(slug);
  const deskIds = user ? await moderatedDeskIds(getDb(), user.id, event.id) : [];
  if (!user || deskIds.length === 0) return <NoAccess what="All Conversations is for moderators of this event’s chat desks." backHref={`/events/${slug}`} signInTo={user ? undefined : `/events/${slug}/desks/all`} />;
  return (
    <div className="stack">
      <h2 style={{ margin: 0 }}>All Conversations</h2>
      <ModeratorBoard
        eventId={event.id}
        userId={user.id}
        deskIds={deskIds}
        actions={{
          admit: admitNextAction,
          assign: assignToMeAction,
          confidential: setConfidentialAction,
          close: closeConversationAction,
          addTag: addTagAction,
          removeTag: removeTagAction,
          markRead: markReadAction,
          typing: typingAction,
        }}
      />
    </div>
  );
}
