import type { DbOrTx, Tx } from '@/db/client';
import type { TActor } from '@/lib/events/permissions';
import type { TTopic } from '@/lib/live/topics';
import type { TTrackSource } from '@/lib/video/token';

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
export type TResourceKind = 'chat' | 'desk_conversation' | 'session' | 'breakout';

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
  /**
   * A new message rides in its thread hint (`THint.data`), so a big room's readers append it
   * without a request each. Only for a resource whose every loss of `thread.read` sends a
   * `recheck` hint on its thread topic (the stream then closes), since the hint no longer goes
   * through a read that checks.
   */
  messagesInHints?: boolean;
  /** Its LiveKit room, for a resource people meet in on video (room name: lib/resources/rooms). */
  video?: TResourceVideo<TCtx, TRole>;
};

export type TRoomEvent = 'participant_joined' | 'participant_left' | 'room_finished';

export type TResourceVideo<TCtx, TRole extends string> = {
  /** Why this role cannot join the call now (its state, time or place), or null. */
  joinRefusal(ctx: TCtx, role: TRole, now: Date): string | null;
  /** What a publishing participant may send; camera and microphone unless said otherwise. */
  publishSources?: TTrackSource[];
  /** A grant the database holds beyond the role (someone accepted on stage), read per token. */
  mayPublish?(db: DbOrTx, ctx: TCtx, actor: TActor): Promise<boolean>;
  /** The participant metadata the browser reads; `{ kind, id, role }` unless said otherwise. */
  metadata?(ctx: TCtx, role: TRole): Record<string, unknown>;
  /** One join or leave from LiveKit's webhooks, inside the dispatcher's transaction. Must be
   * idempotent by `sid` (webhooks arrive late, twice, out of order). */
  recordAttendance?(tx: Tx, ctx: TCtx, a: { userId: string; role: TRole; sid: string; joinedAt: Date; leftAt: Date | null }): Promise<void>;
  /** After every delivery about the room, in the same transaction: completion, hints. */
  afterRoomEvent?(tx: Tx, ctx: TCtx, event: TRoomEvent, now: Date): Promise<void>;
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
