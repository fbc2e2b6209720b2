import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { companyMembers, eventCompanies, events, recruiterChatSettings, registrations, slots } from '@/db/schema';

/**
 * Everything a direct booking checks before it writes, in one round trip: the slot, its event,
 * the recruiter's settings and company in that event, and whether the talent is registered.
 */
export async function loadBookingContext(db: DbOrTx, slotId: string, talentId: string) {
  const talentReg = db
    .select({ eventId: registrations.eventId })
    .from(registrations)
    .where(and(eq(registrations.userId, talentId), eq(registrations.role, 'talent')))
    .as('talent_reg');
  const [row] = await db
    .select({
      slot: slots,
      event: events,
      bookingMode: recruiterChatSettings.bookingMode,
      confirmedAt: recruiterChatSettings.confirmedAt,
      companyId: eventCompanies.companyId,
      talentRegistered: talentReg.eventId,
    })
    .from(slots)
    .innerJoin(events, eq(events.id, slots.eventId))
    .leftJoin(recruiterChatSettings, and(eq(recruiterChatSettings.eventId, slots.eventId), eq(recruiterChatSettings.recruiterId, slots.recruiterId)))
    .leftJoin(companyMembers, eq(companyMembers.userId, slots.recruiterId))
    .leftJoin(eventCompanies, and(eq(eventCompanies.companyId, companyMembers.companyId), eq(eventCompanies.eventId, slots.eventId)))
    .leftJoin(talentReg, eq(talentReg.eventId, slots.eventId))
    .where(eq(slots.id, slotId))
    // A recruiter in several companies: the one taking part in this event comes first.
    .orderBy(sql`${eventCompanies.companyId} nulls last`)
    .limit(1);
  return row;
}
