import type { DbOrTx } from '@/db/client';
import type { TActor } from '@/lib/events/permissions';
import type { TTopic } from '@/lib/live/topics';

/**
 * What a role may do in a resource. Each domain grants these per role; the shared use-cases
 * (threads, live topics, video tokens) ask for them and know nothing of the domain.
 * - view: see the resource and follow its live topics
 * - thread.read / thread.post: read / write its text conversation
 * - thread.moderate: hide any message and redact or flag anyone's
 * - video.join: get a LiveKit token for its room; video.publish: with camera and microphone on
 */
export type TPermission = 'view' | 'thread.read' | 'thread.post' | 'thread.moderate' | 'video.join' | 'video.publish';

/** The kinds of resources people meet in. Also the thread kinds (db/schema/messages.ts). */
export type TResourceKind = 'chat';

/**
 * One kind of resource, registered once (lib/resources/index.ts). `TCtx` is whatever its
 * `load` reads, handed back to every other function so nothing is read twice.
 */
export type TResource<TCtx = unknown, TRole extends string = string> = {
  kind: TResourceKind;
  /** How people call it in messages: "1-1 chat". */
  label: string;
  /** The id from outside input; throws invalid_input (AppError) for a malformed one. */
  parseId(raw: unknown): string;
  /** The resource, or undefined when it does not exist. */
  load(db: DbOrTx, id: string): Promise<TCtx | undefined>;
  eventId(ctx: TCtx): string;
  /** The caller's role, or null: the resource is then hidden from them (404, not 403). */
  roleOf(db: DbOrTx, actor: TActor, ctx: TCtx): Promise<TRole | null>;
  permissions: Record<TRole, readonly TPermission[]>;
  /** Why its conversation takes no new messages right now (e.g. a cancelled chat), or null. */
  threadClosed?(ctx: TCtx): string | null;
};

/** A signed-in person's standing in one resource, as every shared use-case needs it. */
export type TAccess<TCtx = unknown> = {
  kind: TResourceKind;
  id: string;
  ctx: TCtx;
  eventId: string;
  role: string;
  can(permission: TPermission): boolean;
  resource: TResource<TCtx>;
};

export type { TTopic };
