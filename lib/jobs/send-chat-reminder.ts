import 'server-only';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { chatRequests } from '@/db/schema';
import { selectChatFacts } from '@/lib/chats/announce';
import { publicUrl } from '@/lib/mail/public-url';
import { publishHints } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { deliverLater } from '@/lib/mail/deliver-mail';
import { outboxHints, queueMails } from '@/lib/mail/send-mail';
import { inTx } from '@/lib/tx/in-tx';
import { notifyMany } from '@/lib/notifications/notify';
import { formatInstant } from '@/lib/time/format';

/** What a chat-reminder job carries: the chat and the start time it was scheduled for. */
export type TChatReminderJob = { chatId: string; startsAt: string };

/**
 * Reminds the talent and the recruiter of a chat that starts soon: an in-app notification and
 * a mail each. Sends nothing when the chat is no longer confirmed for that very start time (it
 * was cancelled, or rescheduled — the new time has its own job) or is already over.
 */
export async function sendChatReminder(db: Db, job: TChatReminderJob, now = new Date()): Promise<'sent' | 'stale'> {
  const startsAt = new Date(job.startsAt);
  const mailIds = await inTx(db, async (tx, work) => {
    // FOR UPDATE: a cancel or reschedule racing with us either committed first (we see it and
    // send nothing) or waits until our reminder is stored — never a reminder for a dead time.
    const [row] = await selectChatFacts(tx)
      .where(and(eq(chatRequests.id, job.chatId), eq(chatRequests.status, 'confirmed'), eq(chatRequests.startsAt, startsAt), gt(chatRequests.endsAt, now)))
      .for('update', { of: chatRequests });
    if (!row) return null;

    const { chat, event, talent, recruiter, place } = row;
    const href = `/events/${event.slug}/chats`;
    // People on their way to an in-person chat need the place more than the link.
    const where = place?.mode === 'in_person' && place.location ? `\nWhere: ${place.location} (in person)\n` : '';
    const when = `${formatInstant(startsAt, event.timeZone)} (${event.timeZone})`;
    const people = [
      { me: talent, other: recruiter.name ?? 'the recruiter' },
      { me: recruiter, other: talent.name ?? 'the talent' },
    ];
    const told = people.map(({ me, other }) => ({ to: me, title: `Your 1-1 chat with ${other} starts soon`, body: when }));

    const hints = await notifyMany(
      tx,
      told.map((t) => ({ userId: t.to.id, eventId: event.id, kind: 'chat.reminder', title: t.title, body: t.body, href })),
    );
    const mails = told
      .filter((t) => t.to.email)
      .map((t) => ({
        to: t.to.email!,
        eventId: event.id,
        kind: 'chat.reminder',
        subject: `${t.title} — ${event.name}`,
        text: `${t.title}: ${t.body}.\n${where}\nYour 1-1 chats: ${publicUrl(href)}\n`,
      }));
    const ids = await queueMails(tx, mails);
    await publishHints(tx, [...hints, ...outboxHints(mails), { topic: topics.user(talent.id), ids: { chat: chat.id } }, { topic: topics.user(recruiter.id), ids: { chat: chat.id } }]);
    deliverLater(work, ids);
    return ids;
  });
  // The mails are delivered by jobs of their own: a failing SMTP server retries those, never
  // this reminder (which would store it twice).
  return mailIds ? 'sent' : 'stale';
}
