import 'server-only';
import { and, eq, inArray, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { events, registrations } from '@/db/schema';
import { AppError } from '@/lib/errors';

export type TRole = (typeof registrations.$inferSelect)['role'];
export type TActor = { id: string; isAdmin: boolean };

/**
 * A person's registrations in an event, as a query (also a subquery of a larger read, where
 * eventId may be a column of the enclosing statement).
 */
export function rolesInEventQuery(db: DbOrTx, userId: string, eventId: string | SQLWrapper) {
  return db
    .select({ role: registrations.role })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId)));
}

export async function rolesInEvent(db: DbOrTx, userId: string, eventId: string): Promise<TRole[]> {
  return (await rolesInEventQuery(db, userId, eventId)).map((r) => r.role);
}

/** Organizers of the event and platform admins manage it — from the roles already read. */
export function managesEvent(actor: TActor, roles: readonly TRole[]): boolean {
  return actor.isAdmin || roles.includes('organizer');
}

export function canCreateEvent(actor: TActor | null): boolean {
  return !!actor?.isAdmin;
}

export async function canManageEvent(db: DbOrTx, actor: TActor | null, eventId: string): Promise<boolean> {
  if (!actor) return false;
  if (actor.isAdmin) return true;
  return managesEvent(actor, await rolesInEvent(db, actor.id, eventId));
}

/**
 * Draft events are visible to their organizers and to the people already invited into them
 * (recruiters, moderators), who prepare before it is published; not to the public.
 */
export async function canViewEvent(
  db: DbOrTx,
  actor: TActor | null,
  event: Pick<typeof events.$inferSelect, 'id' | 'status'>,
): Promise<boolean> {
  if (event.status !== 'draft' || !actor) return viewsEvent(actor, event, []);
  return viewsEvent(actor, event, actor.isAdmin ? [] : await rolesInEvent(db, actor.id, event.id));
}

/** canViewEvent from the actor's roles in the event, already read (a page reads them once). */
export function viewsEvent(actor: TActor | null, event: Pick<typeof events.$inferSelect, 'status'>, roles: readonly TRole[]): boolean {
  if (event.status !== 'draft') return true;
  if (!actor) return false;
  return actor.isAdmin || roles.length > 0;
}

/**
 * Whether the actor may see the event, their roles in it and whether they manage it — one read
 * of their registrations for all three (a page needs all of them on every request).
 */
export async function eventStanding(
  db: DbOrTx,
  actor: TActor | null,
  event: Pick<typeof events.$inferSelect, 'id' | 'status'>,
): Promise<{ canView: boolean; roles: TRole[]; canManage: boolean }> {
  const roles = actor ? await rolesInEvent(db, actor.id, event.id) : [];
  return { canView: viewsEvent(actor, event, roles), roles, canManage: !!actor && managesEvent(actor, roles) };
}

/** Throws forbidden unless the actor holds one of the roles in the event (admins pass as organizers). */
export async function requireEventRole(
  db: DbOrTx,
  actor: TActor | null,
  eventId: string,
  allowed: TRole[],
): Promise<TRole[]> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const roles = await rolesInEvent(db, actor.id, eventId);
  if (actor.isAdmin && allowed.includes('organizer')) return [...roles, 'organizer'];
  if (!roles.some((r) => allowed.includes(r))) {
    throw new AppError('forbidden', `Only ${allowed.join(' or ')}s of this event can do this.`);
  }
  return roles;
}

export async function isOrganizerAnywhere(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.userId, userId), inArray(registrations.role, ['organizer'])))
    .limit(1);
  return rows.length > 0;
}
