import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { loadEvent } from './chat-rules';
import { colleaguesOfChats } from './chat-colleagues';
import { requireRecruiter } from './permissions';
import { companyRecruiters, listChatsOf, recruiterDays, type TRecruiterDay } from './queries';
import { ZEventRead } from './schemas';
import { endedByLabel, slotOptions, type TSlotOption } from './view';

type TStatus = 'pending' | 'accepted' | 'confirmed' | 'declined' | 'withdrawn' | 'cancelled' | 'completed';
type TPerson = { id: string; name: string };

/** One of a recruiter's chats as Manage 1-1 Chats shows it (times as ISO strings). */
export type TInboxChat = {
  id: string;
  status: TStatus;
  initiatedBy: 'talent' | 'recruiter';
  talentName: string;
  talentHeadline: string;
  message: string;
  answer: string;
  startsAt: string | null;
  endsAt: string | null;
  mode: 'virtual' | 'in_person' | null;
  note: string;
  endedBy: string;
  suggestedName: string | null;
  talentNoShow: boolean | null;
  recruiterNoShow: boolean | null;
  recruiterNote: string;
  /** Colleagues added to a confirmed chat. */
  added: TPerson[];
};

export type TRecruiterInbox = {
  chats: TInboxChat[];
  /** The recruiter's free slots, to approve a request or move a chat. */
  free: TSlotOption[];
  /** Company recruiters of the event other than the viewer (to add to a chat, to suggest). */
  colleagues: TPerson[];
  /** Each event day with the recruiter's slots and who booked them. */
  days: TRecruiterDay[];
};

/**
 * The live part of a recruiter's Manage 1-1 Chats: their requests and chats, free slots and
 * days. Refetched on hints of the recruiter's own topic only: every change to it (a request,
 * a booking, a cancel, an availability edit by a company admin) tells the recruiter.
 */
export async function recruiterInbox(db: DbOrTx, actor: TActor | null, input: unknown, now = new Date()): Promise<TRecruiterInbox> {
  const { eventId } = parseInput(ZEventRead, input);
  const membership = await requireRecruiter(db, actor, eventId);
  const me = actor!.id;
  const event = await loadEvent(db, eventId);
  const [rows, free, members, days] = await Promise.all([
    listChatsOf(db, eventId, me, 'recruiter'),
    slotOptions(db, eventId, me, event.timeZone, now),
    companyRecruiters(db, eventId, membership.companyId),
    recruiterDays(db, eventId, me),
  ]);
  const added = await colleaguesOfChats(db, rows.filter((r) => r.chat.status === 'confirmed').map((r) => r.chat.id));
  return {
    free,
    days,
    colleagues: members.filter((m) => m.id !== me),
    chats: rows.map(({ chat: c, ...r }) => ({
      id: c.id,
      status: c.status,
      initiatedBy: c.initiatedBy,
      talentName: r.talentName ?? 'Talent',
      talentHeadline: r.talentHeadline ?? '',
      message: c.message,
      answer: c.answer,
      startsAt: c.startsAt?.toISOString() ?? null,
      endsAt: c.endsAt?.toISOString() ?? null,
      mode: r.mode,
      note: c.cancelReason ? `Cancelled: ${c.cancelReason}` : c.declineMessage ? `Declined: ${c.declineMessage}` : '',
      endedBy: endedByLabel(c, 'recruiter'),
      suggestedName: c.suggestedRecruiterId ? (r.suggestedName ?? 'a colleague') : null,
      talentNoShow: c.talentNoShow,
      recruiterNoShow: c.recruiterNoShow,
      recruiterNote: c.recruiterNote ?? '',
      added: added.get(c.id) ?? [],
    })),
  };
}
