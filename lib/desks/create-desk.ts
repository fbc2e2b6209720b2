import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { companyMembers, deskModerators, desks, eventCompanies, events, registrations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { zonedInstant } from '@/lib/time/format';
import { parseInput } from '@/lib/validation';
import { inDeskTx } from './desk-tx';
import { requireDeskManager } from './permissions';
import { ZDeskInput, type TDeskInput } from './schemas';

/**
 * Who may moderate: for an event desk, the event's moderators, organizers and recruiters; for a
 * company's desk, that company's members registered in the event.
 */
async function assertModerators(db: DbOrTx, data: TDeskInput): Promise<void> {
  const ids = [...new Set(data.moderatorIds)];
  const rows = data.companyId
    ? await db
        .selectDistinct({ id: companyMembers.userId })
        .from(companyMembers)
        .innerJoin(registrations, and(eq(registrations.userId, companyMembers.userId), eq(registrations.eventId, data.eventId)))
        .where(and(eq(companyMembers.companyId, data.companyId), inArray(companyMembers.userId, ids)))
    : await db
        .selectDistinct({ id: registrations.userId })
        .from(registrations)
        .where(and(eq(registrations.eventId, data.eventId), inArray(registrations.userId, ids), inArray(registrations.role, ['moderator', 'organizer', 'recruiter'])));
  if (rows.length !== ids.length) {
    throw new AppError('invalid_input', 'Some of the chosen moderators cannot moderate this desk. Pick them from the list.', {
      moderatorIds: data.companyId ? 'Pick members of the company' : 'Pick moderators, organizers or recruiters of this event',
    });
  }
}

/** An organizer (any desk) or a company admin (their company's desk) creates a desk. */
export async function createDesk(db: Db, actor: TActor | null, input: unknown): Promise<{ deskId: string }> {
  const data = parseInput(ZDeskInput, input);
  await requireDeskManager(db, actor, { eventId: data.eventId, companyId: data.companyId });
  const [event] = await db.select({ timeZone: events.timeZone }).from(events).where(eq(events.id, data.eventId));
  if (!event) throw new AppError('not_found', 'This event does not exist.');
  if (data.companyId) {
    const [takesPart] = await db
      .select({ id: eventCompanies.companyId })
      .from(eventCompanies)
      .where(and(eq(eventCompanies.eventId, data.eventId), eq(eventCompanies.companyId, data.companyId)));
    if (!takesPart) throw new AppError('invalid_input', 'That company does not take part in this event.', { companyId: 'Pick a company of this event' });
  }
  await assertModerators(db, data);
  return inDeskTx(db, async (tx) => {
    const [desk] = await tx
      .insert(desks)
      .values({
        eventId: data.eventId,
        companyId: data.companyId,
        name: data.name,
        description: data.description,
        welcomeMessage: data.welcomeMessage,
        opensAt: zonedInstant(data.date, data.opensAt, event.timeZone),
        closesAt: zonedInstant(data.date, data.closesAt, event.timeZone),
        limitPerModerator: data.limitPerModerator,
        retentionDays: data.retentionDays,
        filesAllowed: data.filesAllowed,
        createdBy: actor!.id,
      })
      .returning({ id: desks.id });
    await tx.insert(deskModerators).values([...new Set(data.moderatorIds)].map((userId) => ({ deskId: desk!.id, userId })));
    await recordAudit(tx, { eventId: data.eventId, actorId: actor!.id, action: 'desk.created', targetType: 'desk', targetId: desk!.id, details: { name: data.name } });
    await publishHint(tx, topics.event(data.eventId), { desk: desk!.id });
    return { deskId: desk!.id };
  });
}

/** Adds moderators to a desk; they admit waiting people themselves when they are ready. */
export async function addDeskModerators(db: Db, actor: TActor | null, deskId: string, userIds: string[]): Promise<void> {
  const [desk] = await db.select().from(desks).where(eq(desks.id, deskId));
  if (!desk) throw new AppError('not_found', 'This desk does not exist.');
  await requireDeskManager(db, actor, desk);
  await assertModerators(db, { eventId: desk.eventId, companyId: desk.companyId, moderatorIds: userIds } as TDeskInput);
  await db.insert(deskModerators).values(userIds.map((userId) => ({ deskId, userId }))).onConflictDoNothing();
}
