import 'server-only';
import { publicUrl } from '@/lib/mail/public-url';
import type { TChatFacts } from './announce';
import { buildIcs } from './ics';

/**
 * A chat's calendar entry, the same one its mails attach: UID per chat and SEQUENCE per change,
 * so a download and a mail update one entry. Undefined while the chat holds no time.
 */
export function chatIcs(facts: TChatFacts, method: 'REQUEST' | 'CANCEL'): string | undefined {
  const { chat: c, event: e } = facts;
  if (!c.startsAt || !c.endsAt) return undefined;
  const talent = facts.talent.name ?? 'The talent';
  const recruiter = facts.recruiter.name ?? 'The recruiter';
  const link = publicUrl(`/events/${e.slug}/chats`);
  // Only an in-person chat has a place to name; a video chat happens at its link.
  const inPerson = facts.place?.mode === 'in_person';
  const location = inPerson ? facts.place!.location : null;
  return buildIcs({
    uid: `chat-${c.id}@fairground`,
    sequence: c.icsSequence,
    method,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    timeZone: e.timeZone,
    summary: `1-1 chat: ${talent} & ${recruiter} (${e.name})`,
    // An in-person chat is not joined from the link: it said "Join from …" all the same.
    description: inPerson ? `In person${location ? ` at ${location}` : ' at the event'}. Your 1-1 chats: ${link}` : `Join from ${link}`,
    url: link,
    location: location ?? (facts.place?.mode === 'virtual' ? `Video call: ${link}` : null),
    organizerEmail: facts.recruiter.email ?? 'no-reply@fairground.local',
    attendees: [facts.talent.email, facts.recruiter.email].filter((x): x is string => !!x),
  });
}
