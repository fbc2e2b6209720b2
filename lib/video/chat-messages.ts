import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/db/client';
import { messages, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { parseInput } from '@/lib/validation';
import { callRoleOf, loadCall } from './call';

const ZChatId = z.uuid({ message: 'Unknown chat' });

export const ZPostChatMessageInput = z.object({
  chatId: ZChatId,
  body: z.string().trim().min(1, 'Write a message first').max(2000, 'Keep a message under 2000 characters'),
});

async function requireInCall(db: DbOrTx, actor: TActor | null, chatId: string, writing: boolean) {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { chat } = await loadCall(db, chatId);
  const role = await callRoleOf(db, actor.id, chat);
  // A colleague of the company may read the chat's record; writing is for the people in the call.
  if (role === null || (writing && role === 'company')) throw new AppError('forbidden', 'Only the people in this 1-1 chat can see its messages.');
  return chat;
}

/** Messages of a chat's call, oldest first, with their authors' names. */
export async function listChatMessages(db: DbOrTx, actor: TActor | null, chatId: unknown) {
  const id = parseInput(ZChatId, chatId);
  await requireInCall(db, actor, id, false);
  return db
    .select({ id: messages.id, body: messages.body, createdAt: messages.createdAt, authorId: messages.authorId, authorName: users.name })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(eq(messages.chatId, id))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}
export type TChatMessage = Awaited<ReturnType<typeof listChatMessages>>[number];

/** Stores a message in the chat's record; everyone in the call is hinted to refetch. */
export async function postChatMessage(db: Db, actor: TActor | null, input: unknown): Promise<{ id: string }> {
  const data = parseInput(ZPostChatMessageInput, input);
  const chat = await requireInCall(db, actor, data.chatId, true);
  if (chat.status !== 'confirmed' && chat.status !== 'completed') throw new AppError('not_allowed_now', `This chat is ${chat.status}; its messages are closed.`);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(messages).values({ chatId: chat.id, authorId: actor!.id, body: data.body }).returning({ id: messages.id });
    await publishHint(tx, topics.chat(chat.id), { message: row!.id });
    return row!;
  });
}
