import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { conversations } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { announceDeskChange } from './hints';
import type { TConversation } from './queries';
import { admitWaiting } from './queue';

/**
 * The participant wrote into a closed conversation: it goes back to the end of the queue and is
 * admitted at once when there is room — to its earlier moderator first (call with the desk lock
 * held and the conversation locked). A hard-closed one stays over.
 */
export async function reopenConversation(tx: Tx, conv: TConversation): Promise<void> {
  if (conv.status === 'hard_closed') {
    throw new AppError('not_allowed_now', 'This conversation was ended by the desk. Open the desk again to join its queue.');
  }
  if (conv.status !== 'closed') return;
  await tx
    .update(conversations)
    .set({ status: 'queued', queuedAt: sql`clock_timestamp()`, admittedAt: null, closedAt: null })
    .where(eq(conversations.id, conv.id));
  const admitted = await admitWaiting(tx, conv.deskId, { prefer: conv.assignedTo ?? undefined });
  const changed = [
    { id: conv.id, deskId: conv.deskId, confidential: conv.confidential, assignedTo: conv.assignedTo },
    ...admitted.map((a) => ({ id: a.id, deskId: conv.deskId, confidential: a.id === conv.id && conv.confidential, assignedTo: a.assignedTo })),
  ];
  await announceDeskChange(tx, conv.deskId, changed, true);
}
