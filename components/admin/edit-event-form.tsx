'use client';
import { updateEventAction } from '@/app/events/[slug]/manage/actions';
import { EventForm, type TEventValues } from './event-form';

export function EditEventForm({ eventId, initial, zones }: { eventId: string; initial: TEventValues; zones: string[] }) {
  return <EventForm mode="edit" initial={initial} zones={zones} action={(input) => updateEventAction(eventId, input)} />;
}
