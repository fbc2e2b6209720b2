import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { chatParticipants, chatRequests, events } from '@/db/schema';
import { recruiterMembership, type TChat } from '@/lib/chats/permissions';
import { AppError } from '@/lib/errors';
import { chatMode } from '@/lib/chats/chat-mode';

export type TCallRole = 'talent' | 'recruiter' | 'colleague';
export type TCallEvent = { id: string; slug: string; name: string; timeZone: string; joinOpensMinutesBefore: number; noShowGraceMinutes: number };
export type TCall = { chat: TChat; event: TCallEvent; mode: 'virtual' | 'in_person' };

/** LiveKit room of a chat: one room per chat, so the name alone identifies it in webhooks. */
export const roomOfChat = (chatId: string) => `chat-${chatId}`;
const ROOM = /^chat-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
export function chatOfRoom(room: string): string | undefined {
  return ROOM.exec(room)?.[1];
}

/** A chat with its event's video rules and how it takes place (the recruiter's mode that day). */
export async function loadCall(db: DbOrTx, chatId: string): Promise<TCall> {
  const [row] = await db
    .select({
      chat: chatRequests,
      event: {
        id: events.id,
        slug: events.slug,
        name: events.name,
        timeZone: events.timeZone,
        joinOpensMinutesBefore: events.joinOpensMinutesBefore,
        noShowGraceMinutes: events.noShowGraceMinutes,
      },
      mode: chatMode,
    })
    .from(chatRequests)
    .innerJoin(events, eq(events.id, chatRequests.eventId))
    .where(eq(chatRequests.id, chatId));
  if (!row) throw new AppError('not_found', 'This 1-1 chat does not exist.');
  return { chat: row.chat, event: row.event, mode: row.mode ?? 'virtual' };
}

/**
 * Who someone is in a chat's call: its talent, its recruiter, a colleague added to it, or
 * `company` for a colleague not (yet) added; null for everyone else.
 */
export async function callRoleOf(db: DbOrTx, userId: string, chat: TChat): Promise<TCallRole | 'company' | null> {
  if (userId === chat.talentId) return 'talent';
  if (userId === chat.recruiterId) return 'recruiter';
  const m = await recruiterMembership(db, userId, chat.eventId);
  if (m?.companyId !== chat.companyId) return null;
  const [added] = await db
    .select({ userId: chatParticipants.userId })
    .from(chatParticipants)
    .where(and(eq(chatParticipants.chatId, chat.id), eq(chatParticipants.userId, userId)));
  return added ? 'colleague' : 'company';
}

/** From a few minutes before the start (the event's setting) until the end. */
export function joinWindow(chat: Pick<TChat, 'startsAt' | 'endsAt'>, event: Pick<TCallEvent, 'joinOpensMinutesBefore'>) {
  if (!chat.startsAt || !chat.endsAt) return undefined;
  return { opensAt: new Date(chat.startsAt.getTime() - event.joinOpensMinutesBefore * 60_000), closesAt: chat.endsAt };
}

export type TJoinState = 'early' | 'open' | 'over';
export function joinState(window: { opensAt: Date; closesAt: Date }, now: Date): TJoinState {
  if (now < window.opensAt) return 'early';
  return now < window.closesAt ? 'open' : 'over';
}
