import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import type { TEventRow } from './chat-rules';
import { creditBalance } from './credits';
import { requireTalent } from './permissions';
import { listChatsOf } from './queries';
import { ZEventRead } from './schemas';
import { endedByLabel } from './view';

type TStatus = 'pending' | 'accepted' | 'confirmed' | 'declined' | 'withdrawn' | 'cancelled' | 'completed';

/** One of a talent's chats as their 1-1 Chats page shows it (times as ISO strings). */
export type TTalentChat = {
  id: string;
  status: TStatus;
  initiatedBy: 'talent' | 'recruiter';
  recruiterId: string;
  recruiterName: string | null;
  company: string;
  companySlug: string;
  message: string;
  declineMessage: string | null;
  cancelReason: string | null;
  suggestedRecruiterId: string | null;
  suggestedName: string | null;
  recruiterNoShow: boolean | null;
  startsAt: string | null;
  endsAt: string | null;
  mode: 'virtual' | 'in_person' | null;
  /** "Declined by the company", "Withdrawn by you", or ''. */
  endedBy: string;
};

export type TTalentChats = { chats: TTalentChat[]; credits: { left: number | null; limit: number | null } };

/** A talent's own chats in an event and the requests they have left: the live part of their 1-1 Chats page. */
export async function talentChats(db: DbOrTx, actor: TActor | null, input: unknown): Promise<TTalentChats> {
  const { eventId } = parseInput(ZEventRead, input);
  await requireTalent(db, actor, eventId);
  return readTalentChats(db, { id: eventId }, actor!.id);
}

/**
 * talentChats once the talent's access is checked (callers: talentChats, talentChatsPage).
 * With the event's row, its credit limit is not read again.
 */
export async function readTalentChats(db: DbOrTx, event: Pick<TEventRow, 'id'> | TEventRow, talentId: string): Promise<TTalentChats> {
  const eventId = event.id;
  const [rows, credits] = await Promise.all([listChatsOf(db, eventId, talentId, 'talent'), creditBalance(db, eventId, talentId, 'talent', 'talentRequestCredits' in event ? event : undefined)]);
  return {
    credits,
    chats: rows.map(({ chat: c, ...r }) => ({
      id: c.id,
      status: c.status,
      initiatedBy: c.initiatedBy,
      recruiterId: c.recruiterId,
      recruiterName: r.recruiterName,
      company: r.company,
      companySlug: r.companySlug,
      message: c.message,
      declineMessage: c.declineMessage,
      cancelReason: c.cancelReason,
      suggestedRecruiterId: c.suggestedRecruiterId,
      suggestedName: r.suggestedName,
      recruiterNoShow: c.recruiterNoShow,
      startsAt: c.startsAt?.toISOString() ?? null,
      endsAt: c.endsAt?.toISOString() ?? null,
      mode: r.mode,
      endedBy: endedByLabel(c, 'talent'),
    })),
  };
}
