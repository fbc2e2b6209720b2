import { buildIcs } from '@/lib/chats/ics';
import type { TSession } from './permissions';

/** The calendar entry of a session: one stable UID per session, SEQUENCE from the row. */
export function sessionIcs(
  session: Pick<TSession, 'id' | 'title' | 'startsAt' | 'endsAt' | 'icsSequence'>,
  event: { name: string; timeZone: string },
  opts: { method: 'REQUEST' | 'CANCEL'; url: string; attendee?: string | null; now?: Date },
): string {
  return buildIcs({
    uid: `session-${session.id}@fairground`,
    sequence: session.icsSequence,
    method: opts.method,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    timeZone: event.timeZone,
    summary: `${session.title} (${event.name})`,
    description: `Enter from ${opts.url}`,
    url: opts.url,
    organizerEmail: 'no-reply@fairground.local',
    attendees: opts.attendee ? [opts.attendee] : [],
    now: opts.now,
  });
}
