import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { recruiterChatSettings } from '@/db/schema';
import { freeSlotsOf } from './free-slots';
import { freeSlotView, slotOptionsFor, type TBusy, type TSlotOption } from './slot-options';

export type { TBusy, TSlotOption } from './slot-options';

/**
 * Free slots of a recruiter as choices labelled in the event's zone, saying how they take place.
 * `busy` are the viewer's own confirmed chats: a slot overlapping one is marked, not offered.
 */
export async function slotOptions(db: DbOrTx, eventId: string, recruiterId: string, timeZone: string, now: Date, busy: TBusy[] = []) {
  return (await slotOptionsOf(db, eventId, [recruiterId], timeZone, now, busy)).get(recruiterId) ?? [];
}

/** The same for several recruiters, from one query. */
export async function slotOptionsOf(db: DbOrTx, eventId: string, recruiterIds: string[], timeZone: string, now: Date, busy: TBusy[] = []): Promise<Map<string, TSlotOption[]>> {
  const free = await freeSlotsOf(db, eventId, recruiterIds, now);
  return new Map([...free].map(([id, list]) => [id, slotOptionsFor(list.map((s) => freeSlotView(s, timeZone)), busy)]));
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
