import type { DbOrTx } from '@/db/client';
import type { recruiterChatSettings } from '@/db/schema';
import { formatInstant } from '@/lib/time/format';
import { freeSlotsOf } from './free-slots';

export type TBusy = { startsAt: Date; endsAt: Date; with: string };

/**
 * Free slots of a recruiter as choices labelled in the event's zone, saying how they take place.
 * `busy` are the viewer's own confirmed chats: a slot overlapping one is marked, not offered.
 */
export async function slotOptions(db: DbOrTx, eventId: string, recruiterId: string, timeZone: string, now: Date, busy: TBusy[] = []) {
  return (await slotOptionsOf(db, eventId, [recruiterId], timeZone, now, busy)).get(recruiterId) ?? [];
}

export type TSlotOption = { id: string; label: string; clash?: string };

/** The same for several recruiters, from one query (the talent page shows every open recruiter's). */
export async function slotOptionsOf(db: DbOrTx, eventId: string, recruiterIds: string[], timeZone: string, now: Date, busy: TBusy[] = []): Promise<Map<string, TSlotOption[]>> {
  const free = await freeSlotsOf(db, eventId, recruiterIds, now);
  const option = (s: { id: string; startsAt: Date; endsAt: Date; mode: string | null }): TSlotOption => {
    const clash = busy.find((b) => b.startsAt < s.endsAt && s.startsAt < b.endsAt);
    return {
      id: s.id,
      label: `${formatInstant(s.startsAt, timeZone)} (${Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000)} min, ${s.mode === 'in_person' ? 'in person' : 'video'})`,
      ...(clash ? { clash: `you have a chat with ${clash.with} then` } : {}),
    };
  };
  return new Map([...free].map(([id, list]) => [id, list.map(option)]));
}

/** Who ended a declined or withdrawn request, as the given side reads it; '' for other states. */
export function endedByLabel(chat: { status: string; initiatedBy: 'talent' | 'recruiter' }, viewer: 'talent' | 'recruiter' | 'organizer'): string {
  // The receiver declines; the sender withdraws.
  const by = chat.status === 'declined' ? (chat.initiatedBy === 'talent' ? 'recruiter' : 'talent') : chat.status === 'withdrawn' ? chat.initiatedBy : null;
  if (!by) return '';
  const who = by === viewer ? 'you' : by === 'recruiter' ? (viewer === 'organizer' ? 'the recruiter' : 'the company') : 'the talent';
  return `${chat.status === 'declined' ? 'Declined' : 'Withdrawn'} by ${who}`;
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
