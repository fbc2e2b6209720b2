import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { chatRequests, events, users } from '@/db/schema';
import { env } from '@/lib/env';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { queueMail } from '@/lib/mail/send-mail';
import { notify } from '@/lib/notifications/notify';
import { formatInstant } from '@/lib/time/format';
import { buildIcs } from './ics';

export type TChatNews = 'requested' | 'accepted' | 'declined' | 'withdrawn' | 'confirmed' | 'cancelled' | 'rescheduled';

type Person = { id: string; name: string; email: string | null };

/**
 * Tells the people of a chat what happened, inside the writing transaction: in-app
 * notifications, mails (with an .ics for anything that changes the calendar) and live hints.
 * Mails are stored now and delivered by the caller after commit.
 */
export async function announceChat(tx: Tx, chatId: string, news: TChatNews, actorId?: string): Promise<string[]> {
  const [chat] = await tx.select().from(chatRequests).where(eq(chatRequests.id, chatId));
  const [event] = await tx.select().from(events).where(eq(events.id, chat!.eventId));
  const people = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, chat!.talentId));
  const recruiters = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, chat!.recruiterId));
  const talent: Person = { ...people[0]!, name: people[0]!.name ?? 'The talent' };
  const recruiter: Person = { ...recruiters[0]!, name: recruiters[0]!.name ?? 'The recruiter' };
  const c = chat!;
  const e = event!;
  const origin = (env().appUrl ?? 'http://localhost:3000').replace(/\/$/, '');
  const href = `/events/${e.slug}/chats`;
  const when = c.startsAt ? `${formatInstant(c.startsAt, e.timeZone)} (${e.timeZone})` : '';
  const sender = c.initiatedBy === 'talent' ? talent : recruiter;
  const receiver = c.initiatedBy === 'talent' ? recruiter : talent;
  const other = (p: Person) => (p.id === talent.id ? recruiter : talent);
  const actor = actorId === talent.id ? talent : actorId === recruiter.id ? recruiter : undefined;

  const told: { to: Person; title: string; body: string }[] = [];
  switch (news) {
    case 'requested':
      told.push({ to: receiver, title: `${sender.name} asks for a 1-1 chat`, body: c.message || 'Open your 1-1 chats to answer.' });
      break;
    case 'accepted':
      told.push({ to: talent, title: `${recruiter.name} accepted your 1-1 chat request`, body: 'Pick a time that suits you.' });
      break;
    case 'declined':
      told.push({ to: sender, title: `${receiver.name} declined the 1-1 chat request`, body: c.declineMessage ?? '' });
      break;
    case 'withdrawn':
      told.push({ to: receiver, title: `${sender.name} withdrew the 1-1 chat request`, body: '' });
      break;
    case 'confirmed':
      told.push({ to: talent, title: `1-1 chat with ${recruiter.name} confirmed`, body: when }, { to: recruiter, title: `1-1 chat with ${talent.name} confirmed`, body: when });
      break;
    case 'rescheduled':
      for (const p of [talent, recruiter]) told.push({ to: p, title: `1-1 chat with ${other(p).name} moved`, body: `New time: ${when}` });
      break;
    case 'cancelled':
      for (const p of [talent, recruiter]) {
        if (p.id === actor?.id) continue;
        told.push({ to: p, title: `1-1 chat with ${other(p).name} cancelled`, body: c.cancelReason ?? '' });
      }
      break;
  }

  const withCalendar = news === 'confirmed' || news === 'rescheduled' || news === 'cancelled';
  const mailIds: string[] = [];
  for (const t of told) {
    await notify(tx, { userId: t.to.id, eventId: e.id, kind: `chat.${news}`, title: t.title, body: t.body, href });
    if (!t.to.email) continue;
    const ics =
      withCalendar && c.startsAt && c.endsAt
        ? buildIcs({
            uid: `chat-${c.id}@fairground`,
            sequence: c.icsSequence,
            method: news === 'cancelled' ? 'CANCEL' : 'REQUEST',
            startsAt: c.startsAt,
            endsAt: c.endsAt,
            timeZone: e.timeZone,
            summary: `1-1 chat: ${talent.name} & ${recruiter.name} (${e.name})`,
            description: `Join from ${origin}${href}`,
            url: `${origin}${href}`,
            organizerEmail: recruiter.email ?? 'no-reply@fairground.local',
            attendees: [talent.email, recruiter.email].filter((x): x is string => !!x),
          })
        : undefined;
    mailIds.push(
      await queueMail(tx, {
        to: t.to.email,
        eventId: e.id,
        kind: `chat.${news}`,
        subject: `${t.title} — ${e.name}`,
        text: `${t.title}.\n${t.body ? `\n${t.body}\n` : ''}\nOpen your 1-1 chats: ${origin}${href}\n`,
        attachments: ics ? [{ filename: 'chat.ics', contentType: `text/calendar; charset=utf-8; method=${news === 'cancelled' ? 'CANCEL' : 'REQUEST'}`, content: ics }] : [],
      }),
    );
  }
  await publishHint(tx, topics.user(talent.id), { chat: c.id });
  await publishHint(tx, topics.user(recruiter.id), { chat: c.id });
  await publishHint(tx, topics.event(e.id), { chat: c.id });
  return mailIds;
}
