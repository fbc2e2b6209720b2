import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { companies, events } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { deliverLater } from '@/lib/mail/deliver-mail';
import { inTx } from '@/lib/tx/in-tx';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { parseInput } from '@/lib/validation';
import { addRecruiter, ensureUserByEmail, linkCompany, queueInvitation, uniqueCompanySlug } from './invite-people';
import { ZInviteCompanyInput } from './invite-schemas';
import { requireEventRole, type TActor } from './permissions';

/** Adds a company to an event: a new one with its admin invited by e-mail, or an existing one. */
export async function inviteCompany(
  db: Db,
  actor: TActor | null,
  eventId: string,
  input: unknown,
): Promise<{ companyId: string; invited: string | null }> {
  await requireEventRole(db, actor, eventId, ['organizer']);
  const data = parseInput(ZInviteCompanyInput, input);
  return inTx(db, async (tx, work) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId));
    if (!event) throw new AppError('not_found', 'This event no longer exists.');
    if (data.kind === 'existing') {
      const [company] = await tx.select().from(companies).where(eq(companies.id, data.companyId));
      if (!company) throw new AppError('not_found', 'That company does not exist.', { companyId: 'Pick a company' });
      if (!(await linkCompany(tx, eventId, company.id))) {
        throw new AppError('conflict', `${company.name} already takes part in this event.`, { companyId: 'Already added' });
      }
      await recordAudit(tx, { eventId, actorId: actor!.id, action: 'company.added', targetType: 'company', targetId: company.id });
      await publishHint(tx, topics.event(eventId), { company: company.id });
      return { companyId: company.id, invited: null };
    }
    const slug = await uniqueCompanySlug(tx, data.companyName);
    const [company] = await tx.insert(companies).values({ slug, name: data.companyName }).returning();
    await linkCompany(tx, eventId, company!.id);
    const userId = await ensureUserByEmail(tx, data.adminEmail, data.adminName);
    await addRecruiter(tx, { eventId, companyId: company!.id, userId, role: 'admin' });
    deliverLater(work, [
      await queueInvitation(tx, {
        eventId,
        eventName: event.name,
        eventSlug: event.slug,
        email: data.adminEmail,
        companyName: company!.name,
        role: 'admin',
      }),
    ]);
    await recordAudit(tx, {
      eventId,
      actorId: actor!.id,
      action: 'company.invited',
      targetType: 'company',
      targetId: company!.id,
      details: { adminEmail: data.adminEmail },
    });
    await publishHint(tx, topics.event(eventId), { company: company!.id });
    return { companyId: company!.id, invited: data.adminEmail };
  });
}
