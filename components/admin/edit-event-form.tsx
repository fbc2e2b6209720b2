'use client';
import { updateEventAction } from '@/app/events/[slug]/manage/actions';
import type { TZoneOption } from '@/lib/time/zones';
import { EventForm, type TEventValues } from './event-form';

export function EditEventForm({ eventId, initial, zones }: { eventId: string; initial: TEventValues; zones: TZoneOption[] }) {
  return <EventForm mode="edit" initial={initial} zones={zones} action={(input) => updateEventAction(eventId, input)} />;
}
