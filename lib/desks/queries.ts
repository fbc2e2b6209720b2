import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { conversations, desks, events } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { conversationGone } from './errors';

export type TDesk = typeof desks.$inferSelect;
export type TConversation = typeof conversations.$inferSelect;

/** A desk with the event facts its rules need. */
export async function loadDesk(db: DbOrTx, deskId: string) {
  const [row] = await db
    .select({ desk: desks, event: { id: events.id, status: events.status, timeZone: events.timeZone, slug: events.slug, name: events.name } })
    .from(desks)
    .innerJoin(events, eq(events.id, desks.eventId))
    .where(eq(desks.id, deskId));
  if (!row) throw new AppError('not_found', 'This desk does not exist. Pick one from the event page.');
  return row;
}

/** A conversation read inside a transaction that holds its desk's lock, locked for the change. */
export async function lockConversation(tx: Tx, conversationId: string): Promise<TConversation> {
  const [row] = await tx.select().from(conversations).where(eq(conversations.id, conversationId)).for('update');
  if (!row) throw conversationGone();
  return row;
}

/** The desk a conversation belongs to (to take the desk lock before locking the conversation). */
export async function deskIdOf(db: DbOrTx, conversationId: string): Promise<string> {
  const [row] = await db.select({ deskId: conversations.deskId }).from(conversations).where(eq(conversations.id, conversationId));
  if (!row) throw conversationGone();
  return row.deskId;
}

/** The person's current visit at a desk (queued, open or closed), if any. */
export async function currentVisit(db: DbOrTx, deskId: string, participantId: string): Promise<TConversation | undefined> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.deskId, deskId), eq(conversations.participantId, participantId), sql`${conversations.status} <> 'hard_closed'`));
  return row;
}

/** What hints about a conversation need. */
export async function loadConversationRef(db: DbOrTx, conversationId: string) {
  const [row] = await db
    .select({ id: conversations.id, deskId: conversations.deskId, confidential: conversations.confidential, assignedTo: conversations.assignedTo })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  if (!row) throw conversationGone();
  return row;
}
