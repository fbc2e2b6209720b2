import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { chatParticipants, users } from '@/db/schema';
import { recruiterMembership } from './permissions';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { parseInput } from '@/lib/validation';
import { loadCall } from './call';
import { inTx } from '@/lib/tx/in-tx';

export const ZChatColleagueInput = z.object({
  chatId: z.uuid({ message: 'Unknown chat' }),
  // Defaults to the person acting: "join as colleague".
  userId: z.string().min(1).max(64).optional(),
});

async function prepare(db: DbOrTx, actor: TActor | null, input: unknown, now: Date) {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const data = parseInput(ZChatColleagueInput, input);
  const { chat } = await loadCall(db, data.chatId);
  const mine = await recruiterMembership(db, actor.id, chat.eventId);
  if (mine?.companyId !== chat.companyId) throw new AppError('forbidden', 'Only recruiters of the company holding this chat can add colleagues to it.');
  const userId = data.userId ?? actor.id;
  if (userId === chat.recruiterId || userId === chat.talentId) throw new AppError('invalid_input', 'This person is already in the chat.', { userId: 'Already in the chat' });
  if (userId !== actor.id) {
    const theirs = await recruiterMembership(db, userId, chat.eventId);
    if (theirs?.companyId !== chat.companyId) throw new AppError('invalid_input', 'Pick a colleague from your company.', { userId: 'Not a colleague' });
  }
  if (chat.status !== 'confirmed' || (chat.endsAt && chat.endsAt <= now)) throw new AppError('not_allowed_now', 'Colleagues can be added to a confirmed chat until it ends.');
  return { chat, userId };
}

/** A recruiter of the chat's company adds themselves or a colleague to the call. */
export async function addChatColleague(db: Db, actor: TActor | null, input: unknown, now = new Date()): Promise<{ userId: string }> {
  const { chat, userId } = await prepare(db, actor, input, now);
  await inTx(db, async (tx) => {
    await tx.insert(chatParticipants).values({ chatId: chat.id, userId, addedBy: actor!.id }).onConflictDoNothing();
    for (const u of [chat.talentId, chat.recruiterId, userId]) await publishHint(tx, topics.user(u), { chat: chat.id });
    await publishHint(tx, topics.chat(chat.id), { participants: 1 });
  });
  return { userId };
}

export async function removeChatColleague(db: Db, actor: TActor | null, input: unknown, now = new Date()): Promise<{ userId: string }> {
  const { chat, userId } = await prepare(db, actor, input, now);
  await inTx(db, async (tx) => {
    await tx.delete(chatParticipants).where(and(eq(chatParticipants.chatId, chat.id), eq(chatParticipants.userId, userId)));
    for (const u of [chat.talentId, chat.recruiterId, userId]) await publishHint(tx, topics.user(u), { chat: chat.id });
    await publishHint(tx, topics.chat(chat.id), { participants: 1 });
  });
  return { userId };
}

/** Colleagues added to a chat, by name. */
export async function listChatColleagues(db: DbOrTx, chatId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(chatParticipants)
    .innerJoin(users, eq(users.id, chatParticipants.userId))
    .where(eq(chatParticipants.chatId, chatId))
    .orderBy(asc(users.name));
}

/** Colleagues added to each of several chats, in one query. */
export async function colleaguesOfChats(db: DbOrTx, chatIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const by = new Map<string, { id: string; name: string }[]>();
  if (chatIds.length === 0) return by;
  const rows = await db
    .select({ chatId: chatParticipants.chatId, id: users.id, name: users.name })
    .from(chatParticipants)
    .innerJoin(users, eq(users.id, chatParticipants.userId))
    .where(inArray(chatParticipants.chatId, chatIds))
    .orderBy(asc(users.name));
  for (const r of rows) by.set(r.chatId, [...(by.get(r.chatId) ?? []), { id: r.id, name: r.name ?? 'Colleague' }]);
  return by;
}
