import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { chatParticipants, chatRequests, events } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { chatMode } from './chat-mode';
import { recruiterMembership, type TChat } from './permissions';

export type TCallRole = 'talent' | 'recruiter' | 'colleague';
export type TCallEvent = { id: string; slug: string; name: string; timeZone: string; joinOpensMinutesBefore: number; noShowGraceMinutes: number };
export type TCall = { chat: TChat; event: TCallEvent; mode: 'virtual' | 'in_person' };

/** A chat with its event's video rules and how it takes place (the recruiter's mode that day), or undefined. */
export async function loadCallIfAny(db: DbOrTx, chatId: string): Promise<TCall | undefined> {
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
  return row ? { chat: row.chat, event: row.event, mode: row.mode ?? 'virtual' } : undefined;
}

export async function loadCall(db: DbOrTx, chatId: string): Promise<TCall> {
  const call = await loadCallIfAny(db, chatId);
  if (!call) throw new AppError('not_found', 'This 1-1 chat does not exist.');
  return call;
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
