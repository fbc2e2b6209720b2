import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { TActor } from '@/lib/events/permissions';
import type { TEventRow } from './chat-rules';
import { readOpenRecruiters, type TOpenRecruiters } from './open-recruiters';
import { requireTalent } from './permissions';
import { readTalentChats, type TTalentChats } from './talent-chats';

/**
 * The first paint of a talent's 1-1 Chats page: talentChats and openRecruitersFor together,
 * behind ONE check that the actor is a talent of the event, on the event's row the page has
 * read already (its credit limit and time zone are not read again); free slots only of the
 * recruiters of the talent's open chats (readOpenRecruiters). The page's live refetches
 * use the two JSON routes, which check on their own.
 */
export async function talentChatsPage(db: DbOrTx, actor: TActor | null, event: TEventRow, now = new Date()): Promise<{ mine: TTalentChats; open: TOpenRecruiters }> {
  await requireTalent(db, actor, event.id);
  const [mine, open] = await Promise.all([readTalentChats(db, event, actor!.id), readOpenRecruiters(db, event, actor!.id, undefined, now, { slotsOf: 'own-chats' })]);
  return { mine, open };
}
