import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { companies, companyMembers, eventCompanies, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { canManageEvent, type TActor } from '@/lib/events/permissions';

/**
 * Who may change who recruits for a company (add people, make them admins): a platform admin,
 * the company's own admins, and an event's organizers only while that event is the only one
 * the company takes part in. A company shared by several events belongs to none of their
 * organizers: one of them must not reach into the others (issue 9, item 10).
 */
export async function canChangeCompanyMembers(db: DbOrTx, actor: TActor, companyId: string, eventId: string): Promise<boolean> {
  if (actor.isAdmin) return true;
  const [me] = await db
    .select({ role: companyMembers.role })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, actor.id)));
  if (me?.role === 'admin') return true;
  if (!(await canManageEvent(db, actor, eventId))) return false;
  const [elsewhere] = await db
    .select({ eventId: eventCompanies.eventId })
    .from(eventCompanies)
    .where(and(eq(eventCompanies.companyId, companyId), ne(eventCompanies.eventId, eventId)))
    .limit(1);
  return !elsewhere;
}

/**
 * Locks the company row for the rest of the transaction. Linking the company to another event
 * (an insert into event_companies) needs a key-share lock on the same row, so it waits: the
 * check above cannot be outrun by a link that lands between the check and the change.
 */
export async function lockCompany(tx: Tx, companyId: string): Promise<void> {
  await tx.select({ id: companies.id }).from(companies).where(eq(companies.id, companyId)).for('update');
}

/**
 * Checks an invitation of `email` into a company for an event. Registering one of the company's
 * own people for this event (same role or lower) changes no membership: the event's organizers
 * may do that. Adding someone or making them admin is a membership change (see above).
 */
export async function requireCompanyInvitationRight(
  tx: Tx,
  actor: TActor | null,
  p: { companyId: string; eventId: string; email: string; role: 'admin' | 'recruiter' },
): Promise<void> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  await lockCompany(tx, p.companyId);
  const [member] = await tx
    .select({ role: companyMembers.role })
    .from(companyMembers)
    .innerJoin(users, eq(users.id, companyMembers.userId))
    .where(and(eq(companyMembers.companyId, p.companyId), eq(users.email, p.email)));
  const changesMembership = !member || (p.role === 'admin' && member.role !== 'admin');
  const organizes = await canManageEvent(tx, actor, p.eventId);
  if (!changesMembership && organizes) return;
  if (!(await canChangeCompanyMembers(tx, actor, p.companyId, p.eventId))) {
    if (!organizes) throw new AppError('forbidden', 'Only organizers of this event or the company’s own admins can invite its recruiters.');
    throw new AppError(
      'forbidden',
      'This company also takes part in other events, so only its own admins or a platform admin can change who recruits for it.',
      { companyId: 'Ask the company’s admin to invite this person' },
    );
  }
}
