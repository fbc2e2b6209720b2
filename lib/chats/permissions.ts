import 'server-only';
import { and, asc, eq, sql, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { hotRead } from '@/db/hot-read';
import { chatRequests, companyMembers, eventCompanies, registrations } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';

export type TMembership = { companyId: string; role: 'admin' | 'recruiter' };

/**
 * The company through which a person recruits in an event, if any. Invitations keep a person
 * to one company per event, but linking an existing company can still bring two together:
 * then the company they joined first counts, the same one on every call.
 */
export async function recruiterMembership(db: DbOrTx, userId: string, eventId: string): Promise<TMembership | undefined> {
  const [row] = await recruiterMembershipQuery(db, userId, eventId);
  return row;
}

/**
 * `recruiterMembership` as a query (also a subquery of a larger read, where eventId may be a
 * column of the enclosing statement).
 */
export function recruiterMembershipQuery(db: DbOrTx, userId: string, eventId: string | SQLWrapper) {
  return db
    .select({ companyId: companyMembers.companyId, role: companyMembers.role })
    .from(companyMembers)
    .innerJoin(eventCompanies, and(eq(eventCompanies.companyId, companyMembers.companyId), eq(eventCompanies.eventId, eventId)))
    .innerJoin(registrations, and(eq(registrations.userId, companyMembers.userId), eq(registrations.eventId, eventId), eq(registrations.role, 'recruiter')))
    .where(eq(companyMembers.userId, userId))
    .orderBy(asc(companyMembers.createdAt), asc(companyMembers.companyId))
    .limit(1);
}

export async function requireRecruiter(db: DbOrTx, actor: TActor | null, eventId: string): Promise<TMembership> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const m = await recruiterMembership(db, actor.id, eventId);
  if (!m) throw new AppError('forbidden', 'Only recruiters of this event can do this.');
  return m;
}

/** Whether a person is registered as a talent of an event. */
export async function isTalentOf(db: DbOrTx, userId: string, eventId: string): Promise<boolean> {
  const [row] = await talentRegistration(db, { event: eventId, user: userId });
  return !!row;
}

// Every talent read checks it (the 1-1 chats page and its live refetches): built once (db/hot-read.ts).
const talentRegistration = hotRead((db) =>
  db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.eventId, sql.placeholder('event')), eq(registrations.userId, sql.placeholder('user')), eq(registrations.role, 'talent')))
    .prepare('talent_registration'),
);

export async function requireTalent(db: DbOrTx, actor: TActor | null, eventId: string): Promise<void> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  if (!(await isTalentOf(db, actor.id, eventId))) throw new AppError('forbidden', 'Register for this event as a talent first.');
}

/** A recruiter manages their own availability; a company admin also their colleagues'. */
export async function canManageAvailabilityOf(db: DbOrTx, actor: TActor, recruiterId: string, eventId: string): Promise<boolean> {
  const mine = await recruiterMembership(db, actor.id, eventId);
  if (!mine) return false;
  if (actor.id === recruiterId) return true;
  if (mine.role !== 'admin') return false;
  const theirs = await recruiterMembership(db, recruiterId, eventId);
  return theirs?.companyId === mine.companyId;
}

export type TChat = typeof chatRequests.$inferSelect;
/**
 * How a person stands to a chat. One vocabulary across lib/chats: `company` is any recruiter
 * of the chat's company in the event (may answer and manage its requests); a `colleague` is a
 * company recruiter added to the chat (lib/chats/call.ts) — only they join its call.
 */
export type TChatSide = 'talent' | 'recruiter' | 'company' | 'none';

export async function sideInChat(db: DbOrTx, actor: TActor, chat: TChat): Promise<TChatSide> {
  if (actor.id === chat.talentId) return 'talent';
  if (actor.id === chat.recruiterId) return 'recruiter';
  const m = await recruiterMembership(db, actor.id, chat.eventId);
  return m?.companyId === chat.companyId ? 'company' : 'none';
}

export async function loadChat(db: DbOrTx, chatId: string, forUpdate = false): Promise<TChat> {
  const q = db.select().from(chatRequests).where(eq(chatRequests.id, chatId));
  const [chat] = forUpdate ? await q.for('update') : await q;
  if (!chat) throw new AppError('not_found', 'This 1-1 chat does not exist.');
  return chat;
}
