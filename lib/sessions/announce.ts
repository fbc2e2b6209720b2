import 'server-only';
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { users } from '@/db/schema';
import { publicUrl } from '@/lib/mail/public-url';
import { publishHints } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { outboxHints, queueMails } from '@/lib/mail/send-mail';
import { noticeHint, notifyMany } from '@/lib/notifications/notify';
import { formatInstant } from '@/lib/time/format';
import { sessionIcs } from './ics';
import type { TSession } from './permissions';

export type TSessionNews = 'cancelled' | 'promoted' | 'moved';
type TEventFacts = { id: string; slug: string; name: string; timeZone: string };

export function sessionHref(eventSlug: string, sessionId: string) {
  return `/events/${eventSlug}/sessions/${sessionId}`;
}

/**
 * Tells people what happened to a session, inside the writing transaction: a notification,
 * a mail with the calendar entry (METHOD:CANCEL for a cancellation) and live hints. Returns
 * the stored mails' ids for delivery after the commit.
 */
export async function announceSession(tx: DbOrTx, session: TSession, event: TEventFacts, userIds: string[], news: TSessionNews): Promise<string[]> {
  if (userIds.length === 0) return [];
  const people = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, userIds));
  const href = sessionHref(event.slug, session.id);
  const when = `${formatInstant(session.startsAt, event.timeZone)} (${event.timeZone})`;
  const title = {
    cancelled: `Session cancelled: ${session.title}`,
    promoted: `A seat opened up: you are in “${session.title}”`,
    moved: `Session moved: ${session.title}`,
  }[news];
  const body = {
    cancelled: `The organizers cancelled this session (${when}). It has been removed from your schedule.`,
    promoted: `You moved up from the waitlist and now hold a seat. It starts ${when}.`,
    moved: `It now takes place ${when}.`,
  }[news];
  const method = news === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const notices = people.map((p) => ({ id: randomUUID(), userId: p.id, eventId: event.id, kind: `session.${news}`, title, body, href }));
  const mails = people
    .filter((p) => p.email)
    .map((p) => ({
      to: p.email!,
      eventId: event.id,
      kind: `session.${news}`,
      subject: `${title} — ${event.name}`,
      text: `${title}.\n\n${body}\n\n${publicUrl(href)}\n`,
      attachments: [
        {
          filename: 'session.ics',
          contentType: `text/calendar; charset=utf-8; method=${method}`,
          content: sessionIcs(session, event, { method, url: publicUrl(href), attendee: p.email }),
        },
      ],
    }));
  await notifyMany(tx, notices);
  await publishHints(tx, [...notices.map(noticeHint), ...outboxHints(mails)]);
  return queueMails(tx, mails);
}
