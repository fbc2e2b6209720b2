import 'server-only';
import { and, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { accessTo } from '@/lib/resources';
import { inTx } from '@/lib/tx/in-tx';
import { parseInput } from '@/lib/validation';
import { loadMessage } from './queries';
import { ZMessageActionInput } from './schemas';

type TAction = 'flag' | 'unflag' | 'redact' | 'hide' | 'unhide';

// Each action as a compare-and-set: zero rows means it was already done.
function changeOf(action: TAction, now: Date): { set: Partial<typeof messages.$inferInsert>; when: SQL } {
  switch (action) {
    case 'flag':
      return { set: { piiFlaggedAt: now }, when: isNull(messages.piiFlaggedAt) };
    case 'unflag':
      return { set: { piiFlaggedAt: null }, when: isNotNull(messages.piiFlaggedAt) };
    case 'redact':
      return { set: { redactedAt: now, body: '' }, when: isNull(messages.redactedAt) };
    case 'hide':
      return { set: { hiddenAt: now }, when: isNull(messages.hiddenAt) };
    case 'unhide':
      return { set: { hiddenAt: null }, when: isNotNull(messages.hiddenAt) };
  }
}

/**
 * Flags a message as personal data (retention redacts flagged messages first), redacts its
 * body, or hides it from the conversation. Authors may flag and redact their own messages;
 * people with `thread.moderate` in the resource may do all of it to any message.
 */
export async function actOnMessage(db: Db, actor: TActor | null, input: unknown, now = new Date()): Promise<{ changed: boolean }> {
  const data = parseInput(ZMessageActionInput, input);
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const message = await loadMessage(db, data.messageId);
  if (!message) throw new AppError('not_found', 'This message does not exist.');
  const access = await accessTo(db, actor, message.kind, message.ownerId);
  if (!access.can('thread.read')) throw new AppError('not_found', 'This message does not exist.');
  const isAuthor = message.authorId === actor.id;
  const mayAct = access.can('thread.moderate') || (isAuthor && data.action !== 'hide' && data.action !== 'unhide');
  if (!mayAct) throw new AppError('forbidden', isAuthor ? 'Only moderators can hide messages.' : 'You can only change your own messages here.');
  const change = changeOf(data.action, now);
  return inTx(db, async (tx) => {
    const rows = await tx.update(messages).set(change.set).where(and(eq(messages.id, message.id), change.when)).returning({ id: messages.id });
    if (rows.length) await publishHint(tx, topics.thread(message.kind, message.ownerId), { changed: message.seq });
    return { changed: rows.length > 0 };
  });
}
