import type { Metadata } from 'next';
import { getReadDb } from '@/db/client';
import { TalentChatsView } from '@/components/chats/talent-chats-view';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';
import { mayInitiate } from '@/lib/chats/chat-rules';
import { talentChatsPage } from '@/lib/chats/talent-chats-page';
import { loadEventForPage } from '@/app/_page/load-event';

export const metadata: Metadata = { title: '1-1 Chats' };

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
  // The first paint is the server's; the view then follows narrow topics and refetches the
  // same two reads as small JSON routes (docs/shared-machinery.md, "Live reads").
  const { mine, open } = await talentChatsPage(getReadDb(), user, event);
  return (
    <div className="stack">
      <TalentChatsView
        event={{ id: event.id, slug, timeZone: event.timeZone, joinOpensMinutesBefore: event.joinOpensMinutesBefore }}
        meId={user.id}
        talentsMayStart={mayInitiate(event, 'talent')}
        initial={{ mine, open }}
      />
    </div>
  );
}
