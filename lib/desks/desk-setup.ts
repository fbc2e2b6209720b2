import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { companies, companyMembers, eventCompanies, registrations, users } from '@/db/schema';
import { canManageEvent, type TActor } from '@/lib/events/permissions';

export type TDeskSetup = {
  /** null: may create the event's own desks (organizer); otherwise only these companies' desks. */
  owners: { id: string | null; name: string }[];
  people: { id: string; name: string; email: string; companyId: string | null }[];
};

/**
 * What the desk form offers this person: organizers set up event desks and any company's; a
 * company admin only their company's, with their colleagues as moderators. Empty: no access.
 */
export async function deskSetup(db: DbOrTx, actor: TActor | null, eventId: string): Promise<TDeskSetup> {
  if (!actor) return { owners: [], people: [] };
  const organizer = await canManageEvent(db, actor, eventId);
  const companyRows = await db
    .select({ id: companies.id, name: companies.name })
    .from(eventCompanies)
    .innerJoin(companies, eq(companies.id, eventCompanies.companyId))
    .where(
      and(
        eq(eventCompanies.eventId, eventId),
        organizer
          ? undefined
          : inArray(
              companies.id,
              db.select({ id: companyMembers.companyId }).from(companyMembers).where(and(eq(companyMembers.userId, actor.id), eq(companyMembers.role, 'admin'))),
            ),
      ),
    )
    .orderBy(asc(companies.name));
  if (!organizer && companyRows.length === 0) return { owners: [], people: [] };
  const members = await db
    .selectDistinct({ id: users.id, name: users.name, email: users.email, companyId: companyMembers.companyId })
    .from(companyMembers)
    .innerJoin(users, eq(users.id, companyMembers.userId))
    .innerJoin(registrations, and(eq(registrations.userId, users.id), eq(registrations.eventId, eventId)))
    .where(inArray(companyMembers.companyId, companyRows.map((c) => c.id).concat(['00000000-0000-0000-0000-000000000000'])));
  const staff = organizer
    ? await db
        .selectDistinct({ id: users.id, name: users.name, email: users.email })
        .from(registrations)
        .innerJoin(users, eq(users.id, registrations.userId))
        .where(and(eq(registrations.eventId, eventId), inArray(registrations.role, ['moderator', 'organizer', 'recruiter'])))
    : [];
  const people = [
    ...staff.map((p) => ({ id: p.id, name: p.name ?? p.email ?? p.id, email: p.email ?? '', companyId: null })),
    ...members.map((p) => ({ id: p.id, name: p.name ?? p.email ?? p.id, email: p.email ?? '', companyId: p.companyId })),
  ].sort((a, b) => a.name.localeCompare(b.name));
  return { owners: [...(organizer ? [{ id: null, name: 'The event' }] : []), ...companyRows], people };
}
