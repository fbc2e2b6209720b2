import 'server-only';
import { eq } from 'drizzle-orm';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { Db } from '@/db/client';
import { livekitWebhookEvents, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { inTx } from '@/lib/tx/in-tx';
import { isResourceKind, resourceOf } from './registry';
import { parseRoom } from './rooms';
import type { TRoomEvent } from './types';

export type TWebhookOutcome = 'recorded' | 'duplicate' | 'ignored';

// LiveKit retries late deliveries for a while, but not for weeks: a time further off than this
// is no real event (a huge createdAt would be an Invalid Date, and a 500, further down).
const PLAUSIBLE_SKEW_MS = 30 * 24 * 60 * 60 * 1000;

/** A webhook's time field (Unix seconds) as a Date; refused with 422 when it cannot be a real one. */
function seconds(v: bigint | number | undefined, now: Date, field: string): Date | undefined {
  if (!v) return undefined;
  const ms = Number(v) * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms - now.getTime()) > PLAUSIBLE_SKEW_MS) {
    throw new AppError('invalid_input', `The webhook's ${field} is not a plausible time (Unix seconds within 30 days of now).`);
  }
  return new Date(ms);
}

const ROOM_EVENTS = new Set<string>(['participant_joined', 'participant_left', 'room_finished']);

/**
 * The webhook dispatcher: a verified LiveKit event goes to the resource its room belongs to
 * (the room name says which, see rooms.ts). Each delivery is handled once, whatever LiveKit
 * retries; a participant is recorded with their role in the resource, and the resource then
 * reacts (a 1-1 chat completes once its time is over and the room empties).
 */
export async function recordRoomEvent(db: Db, event: WebhookEvent, now = new Date()): Promise<TWebhookOutcome> {
  const room = event.room ? parseRoom(event.room.name) : undefined;
  if (!room || !event.id || !isResourceKind(room.kind) || !ROOM_EVENTS.has(event.event)) return 'ignored';
  const resource = resourceOf(room.kind);
  const video = resource.video;
  if (!video) return 'ignored';
  const kind = event.event as TRoomEvent;
  const at = seconds(event.createdAt, now, 'createdAt') ?? now;
  const joinedAt = seconds(event.participant?.joinedAt, now, 'participant.joinedAt') ?? at;
  return inTx(db, async (tx) => {
    const ctx = await resource.load(tx, room.id);
    if (ctx === undefined) return 'ignored';
    const fresh = await tx.insert(livekitWebhookEvents).values({ id: event.id, kind: event.event }).onConflictDoNothing().returning({ id: livekitWebhookEvents.id });
    if (fresh.length === 0) return 'duplicate';
    const p = event.participant;
    if (p && kind !== 'room_finished' && video.recordAttendance) {
      const [known] = await tx.select({ id: users.id }).from(users).where(eq(users.id, p.identity));
      const role = known ? await resource.roleOf(tx, { id: p.identity, isAdmin: false }, ctx) : null;
      if (role) await video.recordAttendance(tx, ctx, { userId: p.identity, role, sid: p.sid, joinedAt, leftAt: kind === 'participant_left' ? at : null });
    }
    await video.afterRoomEvent?.(tx, ctx, kind, now);
    return 'recorded';
  });
}
