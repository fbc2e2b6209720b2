import 'server-only';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { chatAttendance, chatParticipants, chatRequests, companies, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { canManageEvent, type TActor } from '@/lib/events/permissions';
import { displayName } from '@/lib/profiles/display-name';
import { chatMode } from './chat-mode';

/** `?show=` of the organizer's attendance page: every confirmed or completed chat, or only those with a no-show. */
export const ZAttendanceFilter = z.enum(['all', 'no-shows']);
export type TAttendanceFilter = z.infer<typeof ZAttendanceFilter>;

export type TAttendanceSummary = { confirmed: number; completed: number; cancelled: number; talentNoShows: number; recruiterNoShows: number };

/** One person's time in a chat's call: first join, minutes present, and whether they are in it right now. */
export type TPresence = { firstJoinedAt: Date | null; minutes: number; isInCall: boolean };
export type TAttendanceChat = {
  id: string;
  status: 'confirmed' | 'completed';
  startsAt: Date;
  endsAt: Date;
  mode: 'virtual' | 'in_person';
  company: { id: string; name: string };
  talent: { id: string; name: string; presence: TPresence; noShow: boolean | null };
  // noShow is the recruiter's side: the recruiter or any colleague counts as showing up.
  recruiter: { id: string; name: string; presence: TPresence; noShow: boolean | null };
  colleagues: { id: string; name: string; presence: TPresence }[];
};

type TSession = { joinedAt: Date; leftAt: Date | null };

function groupByChat<T extends { chatId: string }>(rows: T[]): Map<string, T[]> {
  const by = new Map<string, T[]>();
  for (const r of rows) by.set(r.chatId, [...(by.get(r.chatId) ?? []), r]);
  return by;
}

/**
 * Sessions can overlap (a second device, a reconnect before LiveKit notices the drop), so they
 * are merged before counting. A session without `left_at` is still open: it counts until now,
 * but never past the chat's end — after that a missing leave webhook must not inflate minutes.
 */
export function presenceOf(sessions: TSession[], chat: { status: string; endsAt: Date }, now: Date): TPresence {
  const openUntil = Math.min(now.getTime(), chat.endsAt.getTime());
  const spans = sessions
    .map((s) => [s.joinedAt.getTime(), s.leftAt ? s.leftAt.getTime() : openUntil] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = -Infinity;
  for (const [from, to] of spans) {
    const start = Math.max(from, reached);
    if (to > start) total += to - start;
    reached = Math.max(reached, to);
  }
  return {
    firstJoinedAt: spans.length ? new Date(spans[0]![0]) : null,
    minutes: Math.round(total / 60_000),
    isInCall: chat.status === 'confirmed' && sessions.some((s) => !s.leftAt),
  };
}

/** Chat counts of one event for the organizer's figures; no-shows are only ever set on completed chats. */
export async function chatAttendanceSummary(db: DbOrTx, eventId: string): Promise<TAttendanceSummary> {
  const c = chatRequests;
  const [row] = await db
    .select({
      confirmed: sql`count(*) filter (where ${c.status} = 'confirmed')`.mapWith(Number),
      completed: sql`count(*) filter (where ${c.status} = 'completed')`.mapWith(Number),
      cancelled: sql`count(*) filter (where ${c.status} = 'cancelled')`.mapWith(Number),
      talentNoShows: sql`count(*) filter (where ${c.talentNoShow})`.mapWith(Number),
      recruiterNoShows: sql`count(*) filter (where ${c.recruiterNoShow})`.mapWith(Number),
    })
    .from(c)
    .where(eq(c.eventId, eventId));
  return row ?? { confirmed: 0, completed: 0, cancelled: 0, talentNoShows: 0, recruiterNoShows: 0 };
}

/**
 * Confirmed and completed chats of one event by start time, with each side's attendance.
 * Three queries whatever the number of chats: the chats, their attendance sessions, their
 * added colleagues — the latter two select the same chats by subquery so all run at once.
 */
export async function listChatAttendance(db: DbOrTx, eventId: string, filter: TAttendanceFilter, now = new Date()): Promise<TAttendanceChat[]> {
  const talent = alias(users, 'talent');
  const recruiter = alias(users, 'recruiter');
  const where = and(
    eq(chatRequests.eventId, eventId),
    inArray(chatRequests.status, ['confirmed', 'completed']),
    filter === 'no-shows' ? or(eq(chatRequests.talentNoShow, true), eq(chatRequests.recruiterNoShow, true)) : undefined,
  );
  const chatIds = db.select({ id: chatRequests.id }).from(chatRequests).where(where);
  const [chats, sessions, added] = await Promise.all([
    db
      .select({
        id: chatRequests.id,
        status: chatRequests.status,
        startsAt: chatRequests.startsAt,
        endsAt: chatRequests.endsAt,
        talentNoShow: chatRequests.talentNoShow,
        recruiterNoShow: chatRequests.recruiterNoShow,
        talentId: talent.id,
        talentName: displayName(talent),
        recruiterId: recruiter.id,
        recruiterName: displayName(recruiter),
        companyId: companies.id,
        companyName: companies.name,
        mode: chatMode,
      })
      .from(chatRequests)
      .innerJoin(talent, eq(talent.id, chatRequests.talentId))
      .innerJoin(recruiter, eq(recruiter.id, chatRequests.recruiterId))
      .innerJoin(companies, eq(companies.id, chatRequests.companyId))
      .where(where)
      .orderBy(asc(chatRequests.startsAt), asc(chatRequests.id)),
    db
      .select({ chatId: chatAttendance.chatId, userId: chatAttendance.userId, joinedAt: chatAttendance.joinedAt, leftAt: chatAttendance.leftAt, name: displayName(users) })
      .from(chatAttendance)
      .innerJoin(users, eq(users.id, chatAttendance.userId))
      .where(inArray(chatAttendance.chatId, chatIds)),
    db
      .select({ chatId: chatParticipants.chatId, userId: chatParticipants.userId, name: displayName(users) })
      .from(chatParticipants)
      .innerJoin(users, eq(users.id, chatParticipants.userId))
      .where(inArray(chatParticipants.chatId, chatIds))
      .orderBy(asc(chatParticipants.addedAt)),
  ]);

  const sessionsOf = groupByChat(sessions);
  const addedTo = groupByChat(added);
  return chats.map((c) => {
    // The check constraint guarantees both times on confirmed and completed chats.
    const chat = { status: c.status, endsAt: c.endsAt! };
    const mine = sessionsOf.get(c.id) ?? [];
    const of = (userId: string) => presenceOf(mine.filter((s) => s.userId === userId), chat, now);
    // Colleagues added beforehand, then any who joined without being added (recorded as colleagues too).
    const colleagues = new Map((addedTo.get(c.id) ?? []).map((a) => [a.userId, a.name]));
    for (const s of mine) if (s.userId !== c.talentId && s.userId !== c.recruiterId && !colleagues.has(s.userId)) colleagues.set(s.userId, s.name);
    return {
      id: c.id,
      status: c.status as TAttendanceChat['status'],
      startsAt: c.startsAt!,
      endsAt: c.endsAt!,
      mode: c.mode ?? 'virtual',
      company: { id: c.companyId, name: c.companyName },
      talent: { id: c.talentId, name: c.talentName, presence: of(c.talentId), noShow: c.talentNoShow },
      recruiter: { id: c.recruiterId, name: c.recruiterName, presence: of(c.recruiterId), noShow: c.recruiterNoShow },
      colleagues: [...colleagues].map(([id, name]) => ({ id, name, presence: of(id) })),
    };
  });
}

/** The organizer's view of an event's 1-1 chats: figures and attendance. Organizers (and admins) only. */
export async function eventChatAttendance(db: DbOrTx, actor: TActor | null, eventId: string, filter: TAttendanceFilter, now = new Date()) {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  if (!(await canManageEvent(db, actor, eventId))) throw new AppError('forbidden', 'Only organizers of this event can see its 1-1 chat attendance.');
  const [summary, chats] = await Promise.all([chatAttendanceSummary(db, eventId), listChatAttendance(db, eventId, filter, now)]);
  return { summary, chats };
}
