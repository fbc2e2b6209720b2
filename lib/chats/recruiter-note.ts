import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { chatRequests } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { parseInput } from '@/lib/validation';
import { loadChat, sideInChat } from './permissions';
import { inTx } from '@/lib/tx/in-tx';

export const ZRecruiterNoteInput = z.object({
  chatId: z.uuid({ message: 'Unknown chat' }),
  note: z.string().trim().max(4000, 'Keep the note under 4000 characters'),
});

/** The private note of the recruiter's company on a completed chat; the talent never sees it. */
export async function saveRecruiterNote(db: Db, actor: TActor | null, input: unknown): Promise<Record<string, never>> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const data = parseInput(ZRecruiterNoteInput, input);
  const chat = await loadChat(db, data.chatId);
  const side = await sideInChat(db, actor, chat);
  if (side !== 'recruiter' && side !== 'company') throw new AppError(side === 'talent' ? 'forbidden' : 'not_found', side === 'talent' ? 'Only the recruiter’s company writes notes on a chat.' : 'This 1-1 chat does not exist.');
  if (chat.status !== 'completed') throw new AppError('not_allowed_now', 'Notes can be written once the chat is completed.');
  await inTx(db, async (tx) => {
    await tx.update(chatRequests).set({ recruiterNote: data.note || null, updatedAt: new Date() }).where(eq(chatRequests.id, chat.id));
    await publishHint(tx, topics.user(chat.recruiterId), { chat: chat.id });
  });
  return {};
}
