import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { ChatSettingsForm } from '@/components/chats/chat-settings-form';
import { ManageAvailability, ManageInbox } from '@/components/chats/manage-live';
import { RecruiterSubnav } from '@/components/chats/recruiter-subnav';
import { Card } from '@/components/ui/card';
import { NoAccess } from '@/components/ui/no-access';
import { recruiterMembership } from '@/lib/chats/permissions';
import { getChatSettings } from '@/lib/chats/queries';
import { recruiterInbox } from '@/lib/chats/recruiter-inbox';
import { chatSettingsFormValues } from '@/lib/chats/view';
import { loadEventForPage } from '@/app/_page/load-event';

export const metadata: Metadata = { title: 'Manage 1-1 Chats' };

export default async function ManageChatsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, user } = await loadEventForPage(slug);
  const db = getDb();
  const membership = user ? await recruiterMembership(db, user.id, event.id) : undefined;
  if (!user || !membership) return <NoAccess what="Manage 1-1 Chats is for recruiters of this event." backHref={`/events/${slug}`} signInTo={user ? undefined : `/events/${slug}/chats/manage`} />;
  const now = new Date();
  // First paint from the server; the inbox and days then refetch their JSON route on hints of
  // the recruiter's own topic (docs/shared-machinery.md, "Live reads").
  const [inbox, settings] = await Promise.all([recruiterInbox(db, user, { eventId: event.id }, now), getChatSettings(db, event.id, user.id)]);
  const live = { event: { id: event.id, slug, timeZone: event.timeZone, joinOpensMinutesBefore: event.joinOpensMinutesBefore }, meId: user.id, initial: inbox };
  return (
    <div className="stack">
      <RecruiterSubnav slug={slug} current="manage" />
      {/* Three jobs on one page: each has its own anchor, so nobody scrolls past a 100-slot grid. */}
      <nav aria-label="Sections of Manage 1-1 Chats" className="row small" style={{ gap: 12 }}>
        <a href="#requests">Requests and chats</a>
        <a href="#availability">Your availability</a>
        <a href="#settings">How talents reach you</a>
      </nav>
      <Card>
        <h2 id="requests">Requests and chats</h2>
        <ManageInbox {...live} />
      </Card>
      <Card>
        <h2 id="availability">Your availability</h2>
        <p className="muted small">Pick a duration per day, select the slots you are free (times in {event.timeZone}), and save each day.</p>
        <ManageAvailability {...live} nowIso={now.toISOString()} />
      </Card>
      <Card>
        <h2 id="settings">How talents reach you</h2>
        <ChatSettingsForm
          eventId={event.id}
          confirmedAt={settings?.confirmedAt?.toISOString() ?? null}
          initial={chatSettingsFormValues(settings)}
        />
      </Card>
    </div>
  );
}
