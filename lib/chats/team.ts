import 'server-only';
import { and, asc, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { availability, chatRequests, chatStatus, companyMembers, recruiterChatSettings, registrations, slots, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { canManageAvailabilityOf, requireRecruiter } from './permissions';
import { getChatSettings, heldSlot, recruiterDays } from './queries';
import { chatMode } from './chat-mode';

export const ZChatStatusFilter = z.enum(chatStatus.enumValues).optional();
export type TChatStatusFilter = z.infer<typeof ZChatStatusFilter>;

const HELD = heldSlot(slots.id);

const byRecruiter = (rows: { recruiterId: string; n: number }[]) => new Map(rows.map((r) => [r.recruiterId, r.n]));

/**
 * The caller's company team in one event: per recruiter their booking mode, whether they are
 * open to talents, and their slot and chat counts. Only recruiters of that company may look.
 */
export async function teamOverview(db: DbOrTx, actor: TActor | null, eventId: string, now = new Date()) {
  const me = await requireRecruiter(db, actor, eventId);
  const members = await db
    .select({
      id: users.id,
      name: users.name,
      role: companyMembers.role,
      bookingMode: recruiterChatSettings.bookingMode,
      confirmedAt: recruiterChatSettings.confirmedAt,
    })
    .from(companyMembers)
    .innerJoin(users, eq(users.id, companyMembers.userId))
    // Company members who are not recruiters of this event are not part of its team.
    .innerJoin(registrations, and(eq(registrations.userId, companyMembers.userId), eq(registrations.eventId, eventId), eq(registrations.role, 'recruiter')))
    .leftJoin(recruiterChatSettings, and(eq(recruiterChatSettings.recruiterId, companyMembers.userId), eq(recruiterChatSettings.eventId, eventId)))
    .where(eq(companyMembers.companyId, me.companyId))
    .orderBy(asc(users.name));
  const ids = members.map((m) => m.id);
  const [free, booked, chats] = await Promise.all([
    db
      .select({ recruiterId: slots.recruiterId, n: count() })
      .from(slots)
      .where(and(eq(slots.eventId, eventId), inArray(slots.recruiterId, ids), gt(slots.startsAt, now), sql`not ${HELD}`))
      .groupBy(slots.recruiterId),
    db
      .select({ recruiterId: slots.recruiterId, n: count() })
      .from(slots)
      .where(and(eq(slots.eventId, eventId), inArray(slots.recruiterId, ids), HELD))
      .groupBy(slots.recruiterId),
    db
      .select({ recruiterId: chatRequests.recruiterId, status: chatRequests.status, n: count() })
      .from(chatRequests)
      .where(and(eq(chatRequests.eventId, eventId), eq(chatRequests.companyId, me.companyId), inArray(chatRequests.status, ['pending', 'confirmed'])))
      .groupBy(chatRequests.recruiterId, chatRequests.status),
  ]);
  // Every future slot of the team, with the talent holding it: the overview's compact day view.
  const talent = alias(users, 'talent');
  const slotRows = ids.length
    ? await db
        .select({ recruiterId: slots.recruiterId, startsAt: slots.startsAt, talentName: talent.name, status: chatRequests.status })
        .from(slots)
        .leftJoin(chatRequests, and(eq(chatRequests.slotId, slots.id), inArray(chatRequests.status, ['confirmed', 'completed'])))
        .leftJoin(talent, eq(talent.id, chatRequests.talentId))
        .where(and(eq(slots.eventId, eventId), inArray(slots.recruiterId, ids), gt(slots.endsAt, now)))
        .orderBy(asc(slots.startsAt))
    : [];
  const freeBy = byRecruiter(free);
  const bookedBy = byRecruiter(booked);
  const pendingBy = byRecruiter(chats.filter((c) => c.status === 'pending'));
  const confirmedBy = byRecruiter(chats.filter((c) => c.status === 'confirmed'));
  return {
    isAdmin: me.role === 'admin',
    members: members.map((m) => ({
      id: m.id,
      name: m.name ?? 'Recruiter',
      role: m.role,
      isMe: m.id === actor!.id,
      bookingMode: m.bookingMode ?? ('selective' as const),
      isConfirmed: !!m.confirmedAt,
      freeFutureSlots: freeBy.get(m.id) ?? 0,
      bookedSlots: bookedBy.get(m.id) ?? 0,
      pendingRequests: pendingBy.get(m.id) ?? 0,
      confirmedChats: confirmedBy.get(m.id) ?? 0,
      slots: slotRows
        .filter((r) => r.recruiterId === m.id)
        .map((r) => ({ startsAt: r.startsAt.toISOString(), bookedBy: r.status ? (r.talentName ?? 'a talent') : null })),
    })),
  };
}

/** A colleague's availability days and settings, for a company admin to edit on their behalf. */
export async function colleagueAvailability(db: DbOrTx, actor: TActor | null, eventId: string, recruiterId: string) {
  await requireRecruiter(db, actor, eventId);
  if (!(await canManageAvailabilityOf(db, actor!, recruiterId, eventId))) {
    throw new AppError('forbidden', 'Only a company admin can set availability for a colleague.');
  }
  const [[user], days, settings] = await Promise.all([
    db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, recruiterId)),
    recruiterDays(db, eventId, recruiterId),
    getChatSettings(db, eventId, recruiterId),
  ]);
  return { recruiter: { id: recruiterId, name: user?.name ?? 'Colleague' }, days, settings };
}

/** Every 1-1 chat of the caller's company in one event, optionally of one status. */
export async function companyChats(db: DbOrTx, actor: TActor | null, eventId: string, status?: unknown) {
  const filter = parseInput(ZChatStatusFilter, status);
  const me = await requireRecruiter(db, actor, eventId);
  const talent = alias(users, 'talent');
  const recruiter = alias(users, 'recruiter');
  const rows = await db
    .select({
      id: chatRequests.id,
      status: chatRequests.status,
      initiatedBy: chatRequests.initiatedBy,
      startsAt: chatRequests.startsAt,
      endsAt: chatRequests.endsAt,
      createdAt: chatRequests.createdAt,
      recruiterId: chatRequests.recruiterId,
      talentName: talent.name,
      recruiterName: recruiter.name,
      talentNoShow: chatRequests.talentNoShow,
      recruiterNoShow: chatRequests.recruiterNoShow,
      mode: chatMode,
    })
    .from(chatRequests)
    .innerJoin(talent, eq(talent.id, chatRequests.talentId))
    .innerJoin(recruiter, eq(recruiter.id, chatRequests.recruiterId))
    .where(and(eq(chatRequests.eventId, eventId), eq(chatRequests.companyId, me.companyId), filter ? eq(chatRequests.status, filter) : undefined))
    .orderBy(sql`${chatRequests.startsAt} asc nulls last`, desc(chatRequests.createdAt));
  return rows.map((r) => ({ ...r, talentName: r.talentName ?? 'Talent', recruiterName: r.recruiterName ?? 'Recruiter' }));
}
