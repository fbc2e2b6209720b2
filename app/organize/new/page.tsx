import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { EventForm } from '@/components/admin/event-form';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { currentUser } from '@/app/_page/current-user';
import { canCreateEvent } from '@/lib/events/permissions';
import { listTimeZones } from '@/lib/time/zones';
import { createEventAction } from './actions';

export const metadata: Metadata = { title: 'Create event' };

export default async function NewEventPage() {
  const user = await currentUser();
  if (!user) redirect('/signin?callbackUrl=/organize/new');
  if (!canCreateEvent(user)) {
    return (
      <EmptyState title="Only organizers can create events">
        <p>Ask the people who run this Fairground to add your e-mail to the organizers.</p>
      </EmptyState>
    );
  }
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="stack" style={{ maxWidth: 860 }}>
      <PageHeader title="Create an event" subtitle="You can change everything later. The event stays a draft until you publish it." />
      <EventForm
        mode="create"
        zones={listTimeZones()}
        action={createEventAction}
        initial={{
          name: '',
          slug: '',
          description: '',
          timeZone: 'Europe/Berlin',
          status: 'draft',
          chatInitiation: 'both',
          talentRequestCredits: '5',
          recruiterRequestCredits: '',
          joinOpensMinutesBefore: '5',
          noShowGraceMinutes: '10',
          days: [{ date: today, mode: 'virtual', opensAt: '09:00', closesAt: '17:00', chatDurations: [15, 30] }],
        }}
      />
    </div>
  );
}
