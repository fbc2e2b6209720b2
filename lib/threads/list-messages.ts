import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { TActor } from '@/lib/events/permissions';
import { accessTo, requirePermission } from '@/lib/resources';
import { parseInput } from '@/lib/validation';
import { selectMessages, type TMessageRow } from './queries';
import { ZListMessagesInput, type TListMessagesInput } from './schemas';

export type TMessage = Omit<TMessageRow, 'createdAt'> & { createdAt: string };
export type TMessagePage = { items: TMessage[]; cursor: number; canPost: boolean; canModerate: boolean };

/**
 * A page of a conversation for someone who may read it. Pass the returned `cursor` as `after`
 * next time to get only what is new. Hidden messages are left out for everyone but its
 * moderators; a redacted message keeps its place with an empty body.
 */
export async function listMessages(db: DbOrTx, actor: TActor | null, input: TListMessagesInput | unknown): Promise<TMessagePage> {
  const data = parseInput(ZListMessagesInput, input);
  const access = await accessTo(db, actor, data.kind, data.ownerId);
  requirePermission(access, 'thread.read', `Only the people in this ${access.resource.label} can read its messages.`);
  const canModerate = access.can('thread.moderate');
  const rows = await selectMessages(db, { kind: access.kind, ownerId: access.id }, data.after, data.limit);
  const cursor = rows.at(-1)?.seq ?? data.after ?? 0;
  const items = rows.filter((m) => canModerate || !m.hidden).map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }));
  const canPost = access.can('thread.post') && !access.resource.threadClosed?.(access.ctx);
  return { items, cursor, canPost, canModerate };
}
