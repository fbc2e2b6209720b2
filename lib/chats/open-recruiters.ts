import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { loadEvent, type TEventRow } from './chat-rules';
import { freeSlotCounts, freeSlotsOf } from './free-slots';
import { requireTalent } from './permissions';
import { listOpenRecruiters, recruitersOfOpenChats } from './queries';
import { ZOpenRecruitersRead } from './schemas';
import { freeSlotView, type TFreeSlot } from './slot-options';

export type TOpenRecruiter = {
  id: string;
  name: string | null;
  headline: string | null;
  company: string;
  companySlug: string;
  bookingMode: 'direct' | 'selective';
  /** Background, level, languages, topics: what is filled in. */
  details: string[];
  customQuestion: string;
  freeSlots: number;
  pendingRequests: number;
};

/**
 * Open recruiters in the page's order; free slots by recruiter, also for those of the talent's
 * open chats. A recruiter missing from `slots` has not had their slots read (see readOpenRecruiters).
 */
export type TOpenRecruiters = { recruiters: TOpenRecruiter[]; slots: Record<string, TFreeSlot[]> };

/**
 * What a talent sees of an event's open recruiters — their details, pending-request counts and
 * free slots — plus the free slots of the recruiters of the talent's own open chats (to pick or
 * move a time). Every recruiter's free slots come from ONE query. With `recruiters` (a live
 * hint named them) only those are read, so one booking costs each watcher one recruiter's row.
 */
export async function openRecruitersFor(db: DbOrTx, actor: TActor | null, input: unknown, now = new Date()): Promise<TOpenRecruiters> {
  const { eventId, recruiters: only } = parseInput(ZOpenRecruitersRead, input);
  await requireTalent(db, actor, eventId);
  return readOpenRecruiters(db, eventId, actor!.id, only, now);
}

/**
 * openRecruitersFor once the talent's access is checked (callers: openRecruitersFor,
 * talentChatsPage). With the event's row (its time zone), the event is not read again.
 * `slotsOf: 'own-chats'` (the page's first paint) reads the slots only of the recruiters of the
 * talent's open chats, which the page shows (pick a time, move a chat), and of the others only
 * how many are free: their slots appear only in a Book form once opened, and the browser reads
 * the whole list anyway as its live stream connects. With a hundred slots per recruiter they
 * were most of the page's weight.
 */
export async function readOpenRecruiters(db: DbOrTx, eventOrId: string | TEventRow, talentId: string, only: string[] | undefined, now: Date, { slotsOf = 'all' }: { slotsOf?: 'all' | 'own-chats' } = {}): Promise<TOpenRecruiters> {
  const eventId = typeof eventOrId === 'string' ? eventOrId : eventOrId.id;
  const [event, open, mine] = await Promise.all([
    typeof eventOrId === 'string' ? loadEvent(db, eventId) : eventOrId,
    listOpenRecruiters(db, eventId, only),
    recruitersOfOpenChats(db, eventId, talentId),
  ]);
  const wanted = (id: string) => !only || only.includes(id);
  const own = mine.filter(wanted);
  const ids = slotsOf === 'all' ? [...new Set([...open.map((r) => r.id), ...own])] : own;
  const [free, counts] = await Promise.all([
    freeSlotsOf(db, eventId, ids, now),
    slotsOf === 'all' ? undefined : freeSlotCounts(db, eventId, open.map((r) => r.id).filter((id) => !own.includes(id)), now),
  ]);
  const slots: Record<string, TFreeSlot[]> = {};
  for (const [id, list] of free) slots[id] = list.map((s) => freeSlotView(s, event.timeZone));
  return {
    recruiters: open.map((r) => ({
      id: r.id,
      name: r.name,
      headline: r.headline,
      company: r.company,
      companySlug: r.companySlug,
      bookingMode: r.settings.bookingMode,
      details: [r.settings.background, r.settings.experienceLevel, r.settings.languages.join(', '), r.settings.topics].filter((d): d is string => !!d),
      customQuestion: r.settings.customQuestion,
      freeSlots: slots[r.id]?.length ?? counts?.get(r.id) ?? 0,
      pendingRequests: r.pendingRequests,
    })),
    slots,
  };
}
