import { and, eq, isNull } from 'drizzle-orm';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { Db } from '@/db/client';
import { chatAttendance, chatRequests, livekitWebhookEvents, users } from '@/db/schema';
import { completeChatsIn } from '@/lib/chats/complete-chats';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { AppError } from '@/lib/errors';
import { callRoleOf, chatOfRoom } from './call';
import { inTx } from '@/lib/tx/in-tx';

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

/**
 * Records what a verified LiveKit webhook says about a chat's room: who joined and left
 * (attendance), and — once the chat's time is over and the room empties — its completion.
 * Each delivery is handled once, whatever LiveKit retries.
 */
export async function recordWebhook(db: Db, event: WebhookEvent, now = new Date()): Promise<TWebhookOutcome> {
  const chatId = event.room ? chatOfRoom(event.room.name) : undefined;
  if (!chatId || !event.id) return 'ignored';
  const at = seconds(event.createdAt, now, 'createdAt') ?? now;
  const joinedAt = seconds(event.participant?.joinedAt, now, 'participant.joinedAt') ?? at;
  return inTx(db, async (tx) => {
    const [chat] = await tx.select().from(chatRequests).where(eq(chatRequests.id, chatId));
    if (!chat) return 'ignored';
    const fresh = await tx.insert(livekitWebhookEvents).values({ id: event.id, kind: event.event }).onConflictDoNothing().returning({ id: livekitWebhookEvents.id });
    if (fresh.length === 0) return 'duplicate';

    const p = event.participant;
    if (p && (event.event === 'participant_joined' || event.event === 'participant_left')) {
      const [known] = await tx.select({ id: users.id }).from(users).where(eq(users.id, p.identity));
      const role = known ? await callRoleOf(tx, p.identity, chat) : null;
      if (known && role) {
        await tx
          .insert(chatAttendance)
          .values({ sessionId: p.sid, chatId, userId: p.identity, role: role === 'company' ? 'colleague' : role, joinedAt, leftAt: event.event === 'participant_left' ? at : null })
          .onConflictDoNothing();
        if (event.event === 'participant_left') {
          await tx.update(chatAttendance).set({ leftAt: at }).where(and(eq(chatAttendance.sessionId, p.sid), isNull(chatAttendance.leftAt)));
        }
      }
    }
    // The job completes chats nobody joined; here the room's own end completes it at once.
    if ((event.event === 'participant_left' || event.event === 'room_finished') && chat.status === 'confirmed' && chat.endsAt && chat.endsAt <= now) {
      await completeChatsIn(tx, now, { video: true, chatId });
    }
    await publishHint(tx, topics.chat(chatId), { attendance: 1 });
    await publishHint(tx, topics.eventAdmin(chat.eventId), { chat: chatId });
    return 'recorded';
  });
}
