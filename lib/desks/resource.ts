import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { conversations, desks } from '@/db/schema';
import type { TResource } from '@/lib/resources/types';
import { parseInput } from '@/lib/validation';
import { conversationRoleOf, type TConversationRole } from './permissions';

export type TConversationCtx = { id: string; deskId: string; eventId: string; status: (typeof conversations.$inferSelect)['status'] };

const ZConversationRef = z.uuid({ message: 'Unknown desk conversation' });

/**
 * A desk conversation as a resource: its participant and the desk's moderators who may see it
 * (confidential ones: their own moderator only) read and write its thread; moderators also
 * flag, redact and hide messages.
 */
export const deskConversationResource: TResource<TConversationCtx, TConversationRole> = {
  kind: 'desk_conversation',
  label: 'desk conversation',
  parseId: (raw) => parseInput(ZConversationRef, raw),
  async load(db, id) {
    const [row] = await db
      .select({ id: conversations.id, deskId: conversations.deskId, eventId: desks.eventId, status: conversations.status })
      .from(conversations)
      .innerJoin(desks, eq(desks.id, conversations.deskId))
      .where(eq(conversations.id, id));
    return row;
  },
  eventId: (c) => c.eventId,
  roleOf: (db, actor, c) => conversationRoleOf(db, actor.id, c.id),
  permissions: {
    participant: ['view', 'thread.read', 'thread.post'],
    moderator: ['view', 'thread.read', 'thread.post', 'thread.moderate'],
  },
  // Writing goes through lib/desks/post-desk-message (it re-opens a closed conversation under the
  // desk's lock); the shared thread route takes messages only while the conversation is live.
  threadClosed: (c) =>
    c.status === 'hard_closed'
      ? 'The desk ended this conversation. Open the desk again to join its queue.'
      : c.status === 'closed'
        ? 'This conversation is closed. Write from the desk page to re-open it.'
        : null,
};
