import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { companies, companyMembers, eventCompanies } from '@/db/schema';
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

export async function requireCompanyMembersChange(tx: Tx, actor: TActor | null, companyId: string, eventId: string): Promise<void> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  await lockCompany(tx, companyId);
  if (!(await canChangeCompanyMembers(tx, actor, companyId, eventId))) {
    throw new AppError(
      'forbidden',
      'This company also takes part in other events, so only its own admins or a platform admin can change who recruits for it.',
      { companyId: 'Ask the company’s admin to invite this person' },
    );
  }
}
