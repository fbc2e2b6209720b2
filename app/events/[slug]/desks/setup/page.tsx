import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { DeskForm } from '@/components/desks/desk-form';
import { NoAccess } from '@/components/ui/no-access';
import { deskSetup } from '@/lib/desks/desk-setup';
import { loadEventForPage } from '@/app/_page/load-event';
import { listEventDays } from '@/lib/events/queries';
import { createDeskAction } from '../actions';

export const metadata: Metadata = { title: 'Set up chat desks' };

/** Organizers (any desk) and company admins (their company's desks) create desks here. */
export default async function DeskSetupPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, user } = await loadEventForPage(slug);
  const db = getDb();
  const setup = await deskSetup(db, user, event.id);
  if (setup.owners.length === 0) return <NoAccess what="Chat desks are set up by organizers, and by company admins for their company." backHref={`/events/${slug}/desks`} signInTo={user ? undefined : `/events/${slug}/desks/setup`} />;
  const days = await listEventDays(db, event.id);
  return (
    <div className="stack">
      <DeskForm eventId={event.id} timeZone={event.timeZone} dates={days.map((d) => d.date)} setup={setup} create={createDeskAction} />
    </div>
  );
}
