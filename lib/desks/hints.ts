import 'server-only';
import type { DbOrTx } from '@/db/client';
import { publishHints } from '@/lib/live/publish';
import { topics, type THint } from '@/lib/live/topics';

/** `recheck`: who may see it changed (made confidential, another moderator): followers re-check. */
export type TConversationRef = { id: string; deskId: string; confidential: boolean; assignedTo: string | null; recheck?: boolean };

/**
 * Who hears that a conversation changed: its own topic (participant and the moderators who may
 * see it), and the desk's moderators — unless it is confidential, when only its moderator is
 * told, on their personal topic, so its id never reaches anyone else.
 */
function conversationHints(c: TConversationRef): THint[] {
  const hints: THint[] = [c.recheck ? { topic: topics.conversation(c.id), recheck: true } : { topic: topics.conversation(c.id) }];
  if (!c.confidential) hints.push({ topic: topics.desk(c.deskId), ids: { conversation: c.id } });
  else if (c.assignedTo) hints.push({ topic: topics.user(c.assignedTo), ids: { conversation: c.id } });
  return hints;
}

/** Hints for one desk change, in one round trip; `queueMoved` also tells everyone waiting. */
export async function announceDeskChange(tx: DbOrTx, deskId: string, changed: TConversationRef[], queueMoved: boolean): Promise<void> {
  const hints = changed.flatMap(conversationHints);
  if (queueMoved) hints.push({ topic: topics.deskQueue(deskId) }, { topic: topics.desk(deskId) });
  await publishHints(tx, hints);
}
