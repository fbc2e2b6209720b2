import 'server-only';
import { and, eq, inArray, sql, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { hotRead } from '@/db/hot-read';
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
 * The event behind a slug, whether the actor may see it, their roles in it and whether they
 * manage it — the event row and their registrations in one statement: every event page reads
 * all of it on every request.
 */
export async function eventBySlugWithStanding(
  db: DbOrTx,
  slug: string,
  actor: TActor | null,
): Promise<{ event: typeof events.$inferSelect; canView: boolean; roles: TRole[]; canManage: boolean } | undefined> {
  // Signed out, the user is '' — no registration's.
  const [row] = await eventWithRoles(db, { slug, user: actor?.id ?? '' });
  if (!row) return undefined;
  const roles = row.roles as TRole[];
  return { event: row.event, canView: viewsEvent(actor, row.event, roles), roles, canManage: !!actor && managesEvent(actor, roles) };
}

const eventWithRoles = hotRead((db) =>
  db
    .select({
      event: events,
      // The outer column spelled with its table: drizzle names a one-table select's columns bare, and a bare "id" would be r's.
      roles: sql<string[]>`coalesce((select array_agg(r.role::text order by r.role) from ${registrations} r
        where r.event_id = "events"."id" and r.user_id = ${sql.placeholder('user')}), '{}')`,
    })
    .from(events)
    .where(eq(events.slug, sql.placeholder('slug')))
    .prepare('event_with_roles'),
);

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
