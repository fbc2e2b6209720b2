import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { executeRows, type Db } from '@/db/client';
import { conversationTags, deskTags } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { inDeskTx } from './desk-tx';
import { conversationGone } from './errors';
import { announceDeskChange } from './hints';
import { conversationRoleOf, isDeskModerator } from './permissions';
import { loadConversationRef } from './queries';
import { ZTagInput, ZTagSuggestInput } from './schemas';

async function requireModeratorOf(db: Db, actor: TActor | null, conversationId: string) {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  if ((await conversationRoleOf(db, actor.id, conversationId)) !== 'moderator') throw conversationGone();
  return loadConversationRef(db, conversationId);
}

/** Adds a tag (free text); the desk remembers it, matching case-insensitively, for suggestions. */
export async function addTag(db: Db, actor: TActor | null, input: unknown): Promise<{ tag: string }> {
  const { conversationId, name } = parseInput(ZTagInput, input);
  const conv = await requireModeratorOf(db, actor, conversationId);
  return inDeskTx(db, async (tx) => {
    // The desk's spelling wins: "visa" after "Visa" is the same tag.
    const [tag] = await executeRows<{ id: string; name: string }>(
      tx,
      sql`with added as (
            insert into desk_tags (desk_id, name) values (${conv.deskId}, ${name})
            on conflict (desk_id, lower(name)) do nothing returning id, name)
          select id, name from added
          union all select id, name from desk_tags where desk_id = ${conv.deskId} and lower(name) = lower(${name})
          limit 1`,
    );
    await tx.insert(conversationTags).values({ conversationId, tagId: tag!.id }).onConflictDoNothing();
    await announceDeskChange(tx, conv.deskId, [conv], false);
    return { tag: tag!.name };
  });
}

export async function removeTag(db: Db, actor: TActor | null, input: unknown): Promise<void> {
  const { conversationId, name } = parseInput(ZTagInput, input);
  const conv = await requireModeratorOf(db, actor, conversationId);
  await inDeskTx(db, async (tx) => {
    await tx.execute(
      sql`delete from ${conversationTags} where ${conversationTags.conversationId} = ${conversationId}
          and ${conversationTags.tagId} in (select id from desk_tags where desk_id = ${conv.deskId} and lower(name) = lower(${name}))`,
    );
    await announceDeskChange(tx, conv.deskId, [conv], false);
  });
}

/** Suggestions as the moderator types: the desk's earlier tags starting with what they typed. */
export async function suggestTags(db: Db, actor: TActor | null, input: unknown): Promise<string[]> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { deskId, prefix } = parseInput(ZTagSuggestInput, input);
  if (!(await isDeskModerator(db, actor.id, deskId))) throw new AppError('forbidden', 'Only moderators of this desk see its tags.');
  const escaped = prefix.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db
    .select({ name: deskTags.name })
    .from(deskTags)
    .where(and(eq(deskTags.deskId, deskId), sql`lower(${deskTags.name}) like ${`${escaped}%`}`))
    .orderBy(asc(deskTags.name))
    .limit(8);
  return rows.map((r) => r.name);
}
