import type { DbOrTx } from '@/db/client';
import type { recruiterChatSettings } from '@/db/schema';
import { formatInstant } from '@/lib/time/format';
import { freeSlots } from './free-slots';

/** Free slots of a recruiter as choices labelled in the event's zone, saying how they take place. */
export async function slotOptions(db: DbOrTx, eventId: string, recruiterId: string, timeZone: string, now: Date) {
  const free = await freeSlots(db, eventId, recruiterId, now);
  return free.map((s) => ({
    id: s.id,
    label: `${formatInstant(s.startsAt, timeZone)} (${Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000)} min, ${s.mode === 'in_person' ? 'in person' : 'video'})`,
  }));
}

/** A recruiter's stored chat settings as the settings form's initial values (defaults when none). */
export function chatSettingsFormValues(settings: typeof recruiterChatSettings.$inferSelect | undefined) {
  return {
    bookingMode: settings?.bookingMode ?? 'selective',
    background: settings?.background ?? '',
    experienceLevel: settings?.experienceLevel ?? '',
    languages: (settings?.languages ?? []).join(', '),
    topics: settings?.topics ?? '',
    customQuestion: settings?.customQuestion ?? '',
  };
}
