import 'server-only';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '@/db/client';
import { chatRequests, companies, eventDays, events, slots, users } from '@/db/schema';
import { publishHints } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { publicUrl } from '@/lib/mail/public-url';
import { outboxHints, queueMails } from '@/lib/mail/send-mail';
import { noticeHint, notifyMany } from '@/lib/notifications/notify';
import { formatInstant } from '@/lib/time/format';
import { chatMode } from './chat-mode';
import { chatMailHtml, chatMailText, chatPath } from './chat-mail';
import { chatIcs } from './chat-ics';
import { refundsTalentOnCancel } from './chat-rules';
import { openRecruitersHint } from './open-recruiters-hint';
import { pipelined } from './pipeline';

export type TChatNews = 'requested' | 'accepted' | 'declined' | 'withdrawn' | 'confirmed' | 'cancelled' | 'rescheduled';

type Person = { id: string; name: string; email: string | null };
type TPersonRow = { id: string; name: string | null; email: string | null };

/** What the messages about a chat need: a use-case that already holds these can skip the read. */
export type TChatFacts = {
  chat: Pick<typeof chatRequests.$inferSelect, 'id' | 'companyId' | 'initiatedBy' | 'slotId' | 'message' | 'declineMessage' | 'cancelReason' | 'startsAt' | 'endsAt' | 'icsSequence'>;
  event: Pick<typeof events.$inferSelect, 'id' | 'slug' | 'name' | 'timeZone'>;
  talent: TPersonRow;
  recruiter: TPersonRow;
  /** The colleague a decline suggests, if any. */
  suggestedName?: string | null;
  /** The recruiter's company, named in every mail. */
  company?: { name: string } | null;
  /** How the chat takes place (null while it holds no slot) and its day's location. */
  place?: { mode: 'virtual' | 'in_person' | null; location: string | null } | null;
};

/**
 * Tells the people of a chat what happened, inside the writing transaction: in-app
 * notifications, mails (with an .ics for anything that changes the calendar) and live hints.
 * Mails are stored now and delivered by the caller after commit.
 */
export async function announceChat(tx: Tx, chatId: string, news: TChatNews, actorId?: string): Promise<string[]> {
  // One round trip for everything the messages need.
  const [row] = await selectChatFacts(tx).where(eq(chatRequests.id, chatId));
  // A decline may point the talent to a colleague: the message has to name them.
  const suggestedId = news === 'declined' ? row!.chat.suggestedRecruiterId : null;
  const [suggested] = suggestedId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, suggestedId)) : [];
  return announceChatFacts(tx, { ...row!, suggestedName: suggestedId ? (suggested?.name ?? 'a colleague') : null }, news, actorId);
}

/** A chat with its event and both people: what every message about it needs. Callers add the where. */
export function selectChatFacts(db: DbOrTx) {
  const talentUser = alias(users, 'talent_user');
  const recruiterUser = alias(users, 'recruiter_user');
  return db
    .select({
      chat: chatRequests,
      event: events,
      talent: talentUser,
      recruiter: recruiterUser,
      company: { name: companies.name },
      place: { mode: chatMode, location: chatDayLocation },
    })
    .from(chatRequests)
    .innerJoin(events, eq(events.id, chatRequests.eventId))
    .innerJoin(companies, eq(companies.id, chatRequests.companyId))
    .innerJoin(talentUser, eq(talentUser.id, chatRequests.talentId))
    .innerJoin(recruiterUser, eq(recruiterUser.id, chatRequests.recruiterId));
}

/** The location of the day of the chat's slot, as a column for any select from chat_requests. */
const chatDayLocation = sql<string | null>`(
  select d.location from ${slots} s join ${eventDays} d on d.id = s.event_day_id where s.id = ${chatRequests.slotId})`;

/**
 * The same, from facts the caller holds. Its statements are all sent before it awaits, so a
 * caller may pipeline them behind its own writes.
 */
export async function announceChatFacts(tx: DbOrTx, facts: TChatFacts, news: TChatNews, actorId?: string): Promise<string[]> {
  const { chat, event } = facts;
  const talent: Person = { id: facts.talent.id, email: facts.talent.email, name: facts.talent.name ?? 'The talent' };
  const recruiter: Person = { id: facts.recruiter.id, email: facts.recruiter.email, name: facts.recruiter.name ?? 'The recruiter' };
  const c = chat;
  const e = event;
  const href = `/events/${e.slug}/chats`;
  const link = publicUrl(href);
  // Each person's own page, at this chat: the talent's 1-1 Chats, the recruiter's Manage 1-1 Chats.
  const hrefFor = (p: Person) => chatPath(e.slug, c.id, p.id === talent.id ? 'talent' : 'recruiter');
  const when = c.startsAt ? `${formatInstant(c.startsAt, e.timeZone)} (${e.timeZone})` : '';
  const sender = c.initiatedBy === 'talent' ? talent : recruiter;
  const receiver = c.initiatedBy === 'talent' ? recruiter : talent;
  const other = (p: Person) => (p.id === talent.id ? recruiter : talent);
  // Only an in-person chat has a place to name; a video chat happens at its link.
  const location = facts.place?.mode === 'in_person' ? facts.place.location : null;
  const actor = actorId === talent.id ? talent : actorId === recruiter.id ? recruiter : undefined;

  const told: { to: Person; title: string; body: string; mailOnly?: boolean }[] = [];
  switch (news) {
    case 'requested':
      told.push({ to: receiver, title: `${sender.name} asks for a 1-1 chat`, body: c.message || 'Open your 1-1 chats to answer.' });
      break;
    case 'accepted':
      told.push({ to: talent, title: `${recruiter.name} accepted your 1-1 chat request`, body: 'Pick a time that suits you.' });
      break;
    case 'declined':
      told.push({
        to: sender,
        title: `${receiver.name} declined the 1-1 chat request`,
        body: [c.declineMessage ?? '', facts.suggestedName ? `${receiver.name} suggests their colleague ${facts.suggestedName} — you can ask them instead.` : ''].filter(Boolean).join('\n\n'),
      });
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
    case 'cancelled': {
      const refunded = refundsTalentOnCancel(c, actorId === talent.id);
      for (const p of [talent, recruiter]) {
        const given = p.id === talent.id && refunded ? 'Your 1-1 chat request has been given back.' : '';
        const body = [c.cancelReason ?? '', given].filter(Boolean).join('\n\n');
        // The one who cancelled gets the mail too, so the chat leaves their calendar as well; no bell for their own act.
        if (p.id === actor?.id) told.push({ to: p, title: `You cancelled the 1-1 chat with ${other(p).name}`, body, mailOnly: true });
        else told.push({ to: p, title: `1-1 chat with ${other(p).name} cancelled`, body });
      }
      break;
    }
  }

  const withCalendar = news === 'confirmed' || news === 'rescheduled' || news === 'cancelled';
  const method = news === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const ics = withCalendar ? chatIcs(facts, method) : undefined;
  // Ids are chosen here so the notification hints are known before the insert returns.
  const notices = told.filter((t) => !t.mailOnly).map((t) => ({ id: randomUUID(), userId: t.to.id, eventId: e.id, kind: `chat.${news}`, title: t.title, body: t.body, href: hrefFor(t.to) }));
  const company = facts.company?.name ?? null;
  const mails = told
    .filter((t) => t.to.email)
    .map((t) => ({
      to: t.to.email!,
      eventId: e.id,
      kind: `chat.${news}`,
      subject: `${t.title}${company ? ` (${company})` : ''} — ${e.name}`,
      text: chatMailText({ title: t.title, body: t.body, eventName: e.name, company, link: publicUrl(hrefFor(t.to)), location }),
      html: chatMailHtml({ title: t.title, body: t.body, eventName: e.name, company, link: publicUrl(hrefFor(t.to)), location }),
      attachments: ics ? [{ filename: 'chat.ics', contentType: `text/calendar; charset=utf-8; method=${method}`, content: ics }] : [],
    }));
  // The mails go last: postgres.js writes to the socket as soon as its buffer passes 1 KB, and
  // the mails (with their .ics) always do, so everything queued before them shares that write.
  const [, , mailIds] = await pipelined([
    notifyMany(tx, notices),
    publishHints(tx, [
      ...notices.map(noticeHint),
      ...outboxHints(mails),
      { topic: topics.user(talent.id), ids: { chat: c.id } },
      { topic: topics.user(recruiter.id), ids: { chat: c.id } },
      // Not the event's topic: a chat changes one recruiter's entry for talents (free slots,
      // pending count) and one company's team pages, not everything the event shows. A slot
      // taken is named, so a thousand watching talents drop it without a read.
      openRecruitersHint(topics.openRecruiters(e.id), recruiter.id, news, c),
      { topic: topics.team(e.id, c.companyId), ids: { chat: c.id } },
    ]),
    queueMails(tx, mails),
  ]);
  return mailIds;
}
