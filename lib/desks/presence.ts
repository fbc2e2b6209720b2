import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, type Db } from '@/db/client';
import { conversationReads } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { publishHints } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { parseInput } from '@/lib/validation';
import { conversationGone } from './errors';
import { conversationRoleOf } from './permissions';
import { loadConversationRef } from './queries';
import { ZConversationId } from './schemas';
import { z } from 'zod';

/** How long one heartbeat of the participant's page counts as "present". */
export const PRESENCE_SECONDS = 45;

const ZPresenceInput = ZConversationId.extend({ present: z.boolean() });

/**
 * The participant's page beats while it is open (and says goodbye when closed): moderators see
 * a green or grey dot. Only a change of state is announced, so the beats cost no hints.
 */
export async function markPresence(db: Db, actor: TActor | null, input: unknown): Promise<void> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { conversationId, present } = parseInput(ZPresenceInput, input);
  if ((await conversationRoleOf(db, actor.id, conversationId)) !== 'participant') throw conversationGone();
  const [row] = await executeRows<{ was_present: boolean }>(
    db,
    sql`with before as (select participant_until > now() as was_present from conversation_presence where conversation_id = ${conversationId})
        insert into conversation_presence (conversation_id, participant_until)
        values (${conversationId}, ${present ? sql`now() + make_interval(secs => ${PRESENCE_SECONDS})` : sql`now() - interval '1 second'`})
        on conflict (conversation_id) do update set participant_until = excluded.participant_until
        returning coalesce((select was_present from before), false) as was_present`,
  );
  if (!!row?.was_present !== present) {
    const conv = await loadConversationRef(db, conversationId);
    await publishHints(db, [{ topic: topics.conversation(conv.id) }, conv.confidential && conv.assignedTo ? { topic: topics.user(conv.assignedTo) } : { topic: topics.desk(conv.deskId) }]);
  }
}

/** A moderator opened a conversation: it is no longer highlighted for them. */
export async function markRead(db: Db, actor: TActor | null, input: unknown): Promise<void> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { conversationId } = parseInput(ZConversationId, input);
  if ((await conversationRoleOf(db, actor.id, conversationId)) !== 'moderator') throw conversationGone();
  await db
    .insert(conversationReads)
    .values({ conversationId, userId: actor.id })
    .onConflictDoUpdate({ target: [conversationReads.conversationId, conversationReads.userId], set: { readAt: sql`now()` } });
}

/** "…is typing": a hint only, nothing stored; the other side shows it for a few seconds. */
export async function announceTyping(db: Db, actor: TActor | null, input: unknown): Promise<void> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { conversationId } = parseInput(ZConversationId, input);
  const role = await conversationRoleOf(db, actor.id, conversationId);
  if (!role) throw conversationGone();
  await publishHints(db, [{ topic: topics.conversation(conversationId), ids: { typing: role } }]);
}
