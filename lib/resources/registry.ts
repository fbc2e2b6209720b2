import type { DbOrTx } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import type { TAccess, TPermission, TResource, TResourceKind } from './types';

const registry = new Map<TResourceKind, TResource<unknown>>();

/** Adds a kind of resource. lib/resources/index.ts registers every domain's at import. */
export function registerResource<TCtx, TRole extends string>(resource: TResource<TCtx, TRole>): void {
  registry.set(resource.kind, resource as unknown as TResource<unknown>);
}

export function isResourceKind(kind: string): kind is TResourceKind {
  return registry.has(kind as TResourceKind);
}

export function resourceOf(kind: string): TResource<unknown> {
  const r = registry.get(kind as TResourceKind);
  if (!r) throw new AppError('not_found', 'There is nothing of that kind here.');
  return r;
}

/**
 * Who the actor is in a resource. A missing resource and one the actor has no role in are
 * the same 404, so ids cannot be probed.
 */
export async function accessTo(db: DbOrTx, actor: TActor | null, kind: string, rawId: unknown): Promise<TAccess> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const resource = resourceOf(kind);
  const id = resource.parseId(rawId);
  const ctx = await resource.load(db, id);
  const role = ctx === undefined ? null : await resource.roleOf(db, actor, ctx);
  if (ctx === undefined || role === null) throw new AppError('not_found', `This ${resource.label} does not exist.`);
  const granted = resource.permissions[role] ?? [];
  return { kind: resource.kind, id, ctx, eventId: resource.eventId(ctx), role, resource, can: (p: TPermission) => granted.includes(p) };
}

/** Throws forbidden unless the access grants the permission. */
export function requirePermission(access: TAccess, permission: TPermission, message: string): void {
  if (!access.can(permission)) throw new AppError('forbidden', message);
}

/** Whether the actor may do something in a resource; false for a malformed id or no access. */
export async function mayAccess(db: DbOrTx, actor: TActor, kind: string, rawId: unknown, permission: TPermission): Promise<boolean> {
  try {
    return (await accessTo(db, actor, kind, rawId)).can(permission);
  } catch (err) {
    if (err instanceof AppError) return false;
    throw err;
  }
}
