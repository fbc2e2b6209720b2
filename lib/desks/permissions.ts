import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { companyMembers, conversations, deskModerators, eventCompanies } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { canManageEvent, type TActor } from '@/lib/events/permissions';

type TDeskOwner = { eventId: string; companyId: string | null };

/**
 * Who sets up desks: the event's organizers for any desk, and a company's admins for their own
 * company's desks (the company must take part in the event).
 */
export async function canManageDesk(db: DbOrTx, actor: TActor | null, desk: TDeskOwner): Promise<boolean> {
  if (!actor) return false;
  if (await canManageEvent(db, actor, desk.eventId)) return true;
  if (!desk.companyId) return false;
  const [row] = await db
    .select({ id: companyMembers.userId })
    .from(companyMembers)
    .innerJoin(eventCompanies, and(eq(eventCompanies.companyId, companyMembers.companyId), eq(eventCompanies.eventId, desk.eventId)))
    .where(and(eq(companyMembers.companyId, desk.companyId), eq(companyMembers.userId, actor.id), eq(companyMembers.role, 'admin')));
  return !!row;
}

export async function requireDeskManager(db: DbOrTx, actor: TActor | null, desk: TDeskOwner): Promise<void> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  if (!(await canManageDesk(db, actor, desk))) {
    throw new AppError('forbidden', desk.companyId ? 'Only organizers and admins of this company can manage its desks.' : 'Only organizers of this event can manage its desks.');
  }
}

export async function isDeskModerator(db: DbOrTx, userId: string, deskId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: deskModerators.userId })
    .from(deskModerators)
    .where(and(eq(deskModerators.deskId, deskId), eq(deskModerators.userId, userId)));
  return !!row;
}

/**
 * The one rule of confidentiality, as SQL: a moderator sees a conversation of their desk
 * unless it is confidential to someone else. Every moderator-facing read filters with it.
 */
export function visibleToModerator(userId: string): SQL {
  return sql`(${conversations.deskId} IN (SELECT ${deskModerators.deskId} FROM ${deskModerators} WHERE ${deskModerators.userId} = ${userId})
    AND (NOT ${conversations.confidential} OR ${conversations.assignedTo} = ${userId}))`;
}

export type TConversationRole = 'participant' | 'moderator';

/** The caller's role in a conversation, or null when they may not see it at all. */
export async function conversationRoleOf(db: DbOrTx, userId: string, conversationId: string): Promise<TConversationRole | null> {
  const [row] = await db
    .select({ participantId: conversations.participantId, visible: sql<boolean>`${visibleToModerator(userId)}` })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  if (!row) return null;
  if (row.participantId === userId) return 'participant';
  return row.visible ? 'moderator' : null;
}


/** Whether the person has a conversation at the desk that is not over (they watch its queue). */
export async function hasVisitAt(db: DbOrTx, userId: string, deskId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.deskId, deskId), eq(conversations.participantId, userId), sql`${conversations.status} <> 'hard_closed'`))
    .limit(1);
  return !!row;
}
