import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { companies, eventCompanies, events } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { deliverLater } from '@/lib/mail/deliver-mail';
import { inTx } from '@/lib/tx/in-tx';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { parseInput } from '@/lib/validation';
import { addRecruiter, ensureUserByEmail, queueInvitation } from './invite-people';
import { ZInviteRecruiterInput } from './invite-schemas';
import { requireCompanyInvitationRight } from '@/lib/companies/permissions';
import type { TActor } from './permissions';

/** Invites a recruiter of a company taking part in the event; they get an e-mail with a sign-in link. */
export async function inviteRecruiter(
  db: Db,
  actor: TActor | null,
  eventId: string,
  input: unknown,
): Promise<{ userId: string }> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const data = parseInput(ZInviteRecruiterInput, input);
  return inTx(db, async (tx, work) => {
    const [row] = await tx
      .select({ event: events, company: companies })
      .from(eventCompanies)
      .innerJoin(events, eq(events.id, eventCompanies.eventId))
      .innerJoin(companies, eq(companies.id, eventCompanies.companyId))
      .where(and(eq(eventCompanies.eventId, eventId), eq(eventCompanies.companyId, data.companyId)));
    if (!row) throw new AppError('not_found', 'That company does not take part in this event.', { companyId: 'Pick a company of this event' });
    await requireCompanyInvitationRight(tx, actor, { companyId: data.companyId, eventId, email: data.email, role: data.role });
    const userId = await ensureUserByEmail(tx, data.email, data.name);
    await addRecruiter(tx, { eventId, companyId: data.companyId, userId, role: data.role });
    const mailId = await queueInvitation(tx, {
      eventId,
      eventName: row.event.name,
      eventSlug: row.event.slug,
      email: data.email,
      companyName: row.company.name,
      role: data.role,
    });
    await recordAudit(tx, { eventId, actorId: actor.id, action: 'recruiter.invited', targetType: 'user', targetId: userId, details: { email: data.email, companyId: data.companyId } });
    await publishHint(tx, topics.event(eventId), { company: data.companyId });
    deliverLater(work, [mailId]);
    return { userId };
  });
}
