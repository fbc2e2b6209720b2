import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { conversations, deskModerators } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { inDeskTx } from './desk-tx';
import { announceDeskChange } from './hints';
import { isDeskModerator } from './permissions';
import { loadDesk } from './queries';
import { admitWaiting, lockDesk } from './queue';
import { ZDeskId } from './schemas';

/** "Waiting participants (N)": a moderator admits the first in the queue to themselves. */
export async function admitNext(db: Db, actor: TActor | null, input: unknown): Promise<{ conversationId: string }> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { deskId } = parseInput(ZDeskId, input);
  const { desk } = await loadDesk(db, deskId);
  if (!(await isDeskModerator(db, actor.id, deskId))) throw new AppError('forbidden', 'Only moderators of this desk can admit its participants.');
  return inDeskTx(db, async (tx) => {
    await lockDesk(tx, deskId);
    const [admitted] = await admitWaiting(tx, deskId, { only: actor.id, max: 1 });
    if (admitted) {
      await announceDeskChange(tx, deskId, [{ id: admitted.id, deskId, confidential: false, assignedTo: actor.id }], true);
      return { conversationId: admitted.id };
    }
    const [waiting] = await tx.select({ n: count() }).from(conversations).where(and(eq(conversations.deskId, deskId), eq(conversations.status, 'queued')));
    if (!waiting?.n) throw new AppError('not_allowed_now', 'Nobody is waiting any more — another moderator admitted them.');
    const [me] = await tx.select({ open: deskModerators.openCount }).from(deskModerators).where(and(eq(deskModerators.deskId, deskId), eq(deskModerators.userId, actor.id)));
    throw new AppError('not_allowed_now', `You have ${me?.open ?? desk.limitPerModerator} open conversations, this desk's limit. Close one, then admit the next person.`);
  });
}
