import 'server-only';
import { and, asc, Column, count, desc, eq, getTableName, inArray, is, isNotNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { hotRead } from '@/db/hot-read';
import { availability, chatRequests, companies, companyMembers, eventCompanies, eventDays, profiles, recruiterChatSettings, registrations, slots, users } from '@/db/schema';
import { chatMode } from './chat-mode';

/**
 * THE rule for a held slot: some chat points at it. A confirmed chat holds its slot and a
 * completed one keeps it; cancelling releases it (slot_id back to null), and no other status
 * has a slot. Free slots, the team's counts and availability edits all use this one fragment.
 */
export const heldSlot = (slotId: AnyColumn | SQL) =>
  sql`exists (select 1 from ${chatRequests} held where held.slot_id = ${is(slotId, Column) ? qualified(slotId) : slotId})`;

// Drizzle leaves a column unqualified in a single-table select ("id"), which inside the subquery
// above would bind to chat_requests.id and count no slot as held: always name the table.
function qualified(column: AnyColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

const OPEN = ['pending', 'accepted', 'confirmed'] as const;

/**
 * Recruiters talents can reach (availability confirmed) with their pending requests counted;
 * `only` narrows to those recruiters (live hints name the ones that changed). Their free slots
 * come from `freeSlotsOf`, in one query for all of them.
 */
export async function listOpenRecruiters(db: DbOrTx, eventId: string, only?: string[]) {
  const rows = await (only ? someOpenRecruitersQuery(db, { event: eventId, only }) : openRecruitersQuery(db, { event: eventId }));
  if (rows.length === 0) return [];
  const pending = await pendingCountsQuery(db, { event: eventId, ids: rows.map((r) => r.id) });
  const pendingBy = new Map(pending.map((p) => [p.recruiterId, p.n]));
  return rows.map((r) => ({ ...r, pendingRequests: pendingBy.get(r.id) ?? 0 }));
}

// The talent's 1-1 chats page and its live refetches read these on every request and hint: built
// once (db/hot-read.ts); a list of ids is one array parameter.
function openRecruitersSelect(db: DbOrTx, some: boolean) {
  return db
    .select({
      id: users.id,
      name: users.name,
      headline: profiles.headline,
      company: companies.name,
      companySlug: companies.slug,
      settings: recruiterChatSettings,
    })
    .from(recruiterChatSettings)
    .innerJoin(users, eq(users.id, recruiterChatSettings.recruiterId))
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .innerJoin(companyMembers, eq(companyMembers.userId, users.id))
    .innerJoin(eventCompanies, and(eq(eventCompanies.companyId, companyMembers.companyId), eq(eventCompanies.eventId, sql.placeholder('event'))))
    .innerJoin(companies, eq(companies.id, companyMembers.companyId))
    .where(
      and(
        eq(recruiterChatSettings.eventId, sql.placeholder('event')),
        isNotNull(recruiterChatSettings.confirmedAt),
        some ? sql`${recruiterChatSettings.recruiterId} = any(${sql.placeholder('only')})` : undefined,
      ),
    )
    .orderBy(asc(companies.name), asc(users.name));
}
const openRecruitersQuery = hotRead((db) => openRecruitersSelect(db, false).prepare('open_recruiters'));
const someOpenRecruitersQuery = hotRead((db) => openRecruitersSelect(db, true).prepare('some_open_recruiters'));
const pendingCountsQuery = hotRead((db) =>
  db
    .select({ recruiterId: chatRequests.recruiterId, n: count() })
    .from(chatRequests)
    .where(and(eq(chatRequests.eventId, sql.placeholder('event')), sql`${chatRequests.recruiterId} = any(${sql.placeholder('ids')})`, eq(chatRequests.status, 'pending')))
    .groupBy(chatRequests.recruiterId)
    .prepare('pending_counts'),
);

/** The recruiters of a talent's open chats in an event. */
export async function recruitersOfOpenChats(db: DbOrTx, eventId: string, talentId: string): Promise<string[]> {
  return (await ownChatRecruitersQuery(db, { event: eventId, talent: talentId })).map((r) => r.id);
}
const ownChatRecruitersQuery = hotRead((db) =>
  db
    .selectDistinct({ id: chatRequests.recruiterId })
    .from(chatRequests)
    .where(and(eq(chatRequests.eventId, sql.placeholder('event')), eq(chatRequests.talentId, sql.placeholder('talent')), inArray(chatRequests.status, [...OPEN])))
    .prepare('own_chat_recruiters'),
);

/** The chats of one person in an event (as talent or as recruiter), newest first, with both names. */
export async function listChatsOf(db: DbOrTx, eventId: string, userId: string, as: 'talent' | 'recruiter') {
  return (as === 'talent' ? talentChatsQuery : recruiterChatsQuery)(db, { event: eventId, user: userId });
}

// The 1-1 chats pages and their live refetches read these on every hint: built once (db/hot-read.ts).
function chatsOfQuery(db: DbOrTx, as: 'talent' | 'recruiter') {
  const talent = alias(users, 'talent');
  const recruiter = alias(users, 'recruiter');
  const talentProfile = alias(profiles, 'talent_profile');
  const suggested = alias(users, 'suggested');
  return db
    .select({
      suggestedName: suggested.name,
      companySlug: companies.slug,
      chat: chatRequests,
      talentName: talent.name,
      talentHeadline: talentProfile.headline,
      recruiterName: recruiter.name,
      company: companies.name,
      mode: chatMode,
    })
    .from(chatRequests)
    .innerJoin(talent, eq(talent.id, chatRequests.talentId))
    .leftJoin(talentProfile, eq(talentProfile.userId, chatRequests.talentId))
    .innerJoin(recruiter, eq(recruiter.id, chatRequests.recruiterId))
    .innerJoin(companies, eq(companies.id, chatRequests.companyId))
    .leftJoin(suggested, eq(suggested.id, chatRequests.suggestedRecruiterId))
    .where(and(eq(chatRequests.eventId, sql.placeholder('event')), eq(as === 'talent' ? chatRequests.talentId : chatRequests.recruiterId, sql.placeholder('user'))))
    .orderBy(asc(chatRequests.startsAt), desc(chatRequests.createdAt));
}
const talentChatsQuery = hotRead((db) => chatsOfQuery(db, 'talent').prepare('chats_of_talent'));
const recruiterChatsQuery = hotRead((db) => chatsOfQuery(db, 'recruiter').prepare('chats_of_recruiter'));

/** A recruiter's days: chosen duration and every slot with the chat holding it, if any. */
export async function recruiterDays(db: DbOrTx, eventId: string, recruiterId: string) {
  const days = await db.select().from(eventDays).where(eq(eventDays.eventId, eventId)).orderBy(asc(eventDays.date));
  const chosen = await db
    .select()
    .from(availability)
    .where(and(eq(availability.recruiterId, recruiterId), inArray(availability.eventDayId, days.length ? days.map((d) => d.id) : ['00000000-0000-0000-0000-000000000000'])));
  const talent = alias(users, 'talent');
  const own = await db
    .select({ slot: slots, chatStatus: chatRequests.status, talentName: talent.name })
    .from(slots)
    .leftJoin(chatRequests, and(eq(chatRequests.slotId, slots.id), eq(chatRequests.status, 'confirmed')))
    .leftJoin(talent, eq(talent.id, chatRequests.talentId))
    .where(and(eq(slots.eventId, eventId), eq(slots.recruiterId, recruiterId)))
    .orderBy(asc(slots.startsAt));
  return days.map((day) => {
    const mine = chosen.find((c) => c.eventDayId === day.id);
    return {
      day: {
        id: day.id,
        date: day.date,
        mode: day.mode,
        recruitersChooseMode: day.recruitersChooseMode,
        opensAt: day.opensAt.slice(0, 5),
        closesAt: day.closesAt.slice(0, 5),
        chatDurations: day.chatDurations,
      },
      durationMinutes: mine?.durationMinutes ?? null,
      mode: mine?.mode ?? day.mode,
      slots: own
        .filter((o) => o.slot.eventDayId === day.id)
        .map((o) => ({ startsAt: o.slot.startsAt.toISOString(), endsAt: o.slot.endsAt.toISOString(), bookedBy: o.chatStatus === 'confirmed' ? (o.talentName ?? 'a talent') : null })),
    };
  });
}
export type TRecruiterDay = Awaited<ReturnType<typeof recruiterDays>>[number];

export async function getChatSettings(db: DbOrTx, eventId: string, recruiterId: string) {
  const [s] = await db
    .select()
    .from(recruiterChatSettings)
    .where(and(eq(recruiterChatSettings.eventId, eventId), eq(recruiterChatSettings.recruiterId, recruiterId)));
  return s;
}

export const OPEN_STATUSES = OPEN;

/**
 * THE colleagues of a company in an event: its members registered there as recruiters (the
 * same people recruiterMembership accepts). Pickers offer these, the use-cases accept these.
 */
export async function companyRecruiters(db: DbOrTx, eventId: string, companyId: string) {
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(companyMembers)
    .innerJoin(users, eq(users.id, companyMembers.userId))
    .innerJoin(eventCompanies, and(eq(eventCompanies.companyId, companyMembers.companyId), eq(eventCompanies.eventId, eventId)))
    .innerJoin(registrations, and(eq(registrations.userId, companyMembers.userId), eq(registrations.eventId, eventId), eq(registrations.role, 'recruiter')))
    .where(eq(companyMembers.companyId, companyId))
    .orderBy(asc(users.name));
  return rows.map((r) => ({ id: r.id, name: r.name ?? 'Colleague' }));
}
