import type { THint, TTopic } from '@/lib/live/topics';
import type { TOpenRecruiters } from './open-recruiters';

// The `open-recruiters:<event>` hint of a chat change, and how a talent's page applies it.
// Pure: the server builds it (lib/chats/announce.ts), the browser reads it
// (components/chats/use-chat-reads.ts) and the opening bench models the same.

/**
 * What a chat change did to talents' open-recruiter lists:
 * - `taken`: the slot the chat now holds (a booking, a picked time, a new time). Free slots are
 *   shown to every talent of the event, so naming it tells no one more than the list did.
 * - `reread`: something else changed too (a slot came free, the pending-request count moved):
 *   the recruiter's entry is read again. Without `taken`, every hint is a reread.
 */
export type TOpenRecruitersChange = { taken?: string[]; reread?: true };

type TChatChange = { initiatedBy: 'talent' | 'recruiter'; slotId: string | null };
type TNews = 'requested' | 'accepted' | 'declined' | 'withdrawn' | 'confirmed' | 'cancelled' | 'rescheduled';

/**
 * The hint for `recruiterId`'s entry. Only a talent-initiated chat becoming confirmed (a direct
 * booking, or a time picked for an approved request) changes nothing but one slot taken; a
 * recruiter's invitation answered with a time also leaves the pending count, and a new time
 * frees the old slot: both carry the taken slot (watchers drop it at once) and a reread.
 */
export function openRecruitersHint(topic: TTopic, recruiterId: string, news: TNews, chat: TChatChange): THint {
  const ids = { recruiter: recruiterId };
  const takes = (news === 'confirmed' || news === 'rescheduled') && chat.slotId;
  if (!takes) return { topic, ids };
  const onlyTaken = news === 'confirmed' && chat.initiatedBy === 'talent';
  const data: TOpenRecruitersChange = onlyTaken ? { taken: [chat.slotId!] } : { taken: [chat.slotId!], reread: true };
  return { topic, ids, data };
}

/** The slots a hint's data says were taken (none when it carries no valid list). */
export function takenSlotsOf(data: unknown): string[] {
  const taken = (data as TOpenRecruitersChange | undefined)?.taken;
  return Array.isArray(taken) ? taken.filter((id): id is string => typeof id === 'string') : [];
}

/** Whether the hint asks for the recruiter's entry to be read again. */
export const needsReread = (data: unknown): boolean => takenSlotsOf(data).length === 0 || (data as TOpenRecruitersChange).reread === true;

/**
 * The open recruiters as a talent's page holds them. `counted`: for a recruiter whose slots were
 * not read, the taken slots already counted off their `freeSlots` — without the slots there is
 * no list to drop a slot from, so this is what makes a hint that comes twice count once. A read
 * of the recruiter replaces both (its count is the truth).
 */
export type TOpenRecruitersShown = TOpenRecruiters & { counted?: Record<string, string[]> };

/** The list without the given slots (slot ids are unique across recruiters); each recruiter's free-slot count follows. */
export function withoutSlots<T extends TOpenRecruiters>(list: T, gone: (slotId: string) => boolean): T {
  let changed = false;
  const slots: TOpenRecruiters['slots'] = {};
  for (const [id, own] of Object.entries(list.slots)) {
    const kept = own.filter((s) => !gone(s.id));
    if (kept.length !== own.length) changed = true;
    slots[id] = kept.length === own.length ? own : kept;
  }
  if (!changed) return list;
  return {
    ...list,
    recruiters: list.recruiters.map((r) => (slots[r.id] && slots[r.id]!.length !== list.slots[r.id]!.length ? { ...r, freeSlots: slots[r.id]!.length } : r)),
    slots,
  };
}

/**
 * A hint's taken slots applied to the list, idempotently (a hint may come twice, or after a read
 * that already left its slot out): dropped where the recruiter's slots were read, so the count
 * is the list's length; where they were not yet (the page's first paint carries only the counts,
 * see readOpenRecruiters) the count goes down by the slots not counted off it before — a taken
 * slot was a free one.
 */
export function withoutTaken(list: TOpenRecruitersShown, recruiterId: string, gone: string[]): TOpenRecruitersShown {
  if (list.slots[recruiterId]) return withoutSlots(list, (s) => gone.includes(s));
  const counted = list.counted?.[recruiterId] ?? [];
  const fresh = [...new Set(gone)].filter((s) => !counted.includes(s));
  if (fresh.length === 0) return list;
  return {
    ...list,
    recruiters: list.recruiters.map((r) => (r.id === recruiterId ? { ...r, freeSlots: Math.max(0, r.freeSlots - fresh.length) } : r)),
    counted: { ...list.counted, [recruiterId]: [...counted, ...fresh] },
  };
}

/** What was counted off recruiters whose slots were not read, less those just read (their read's count is the truth). */
export function countedExcept(counted: TOpenRecruitersShown['counted'], read: string[]): TOpenRecruitersShown['counted'] {
  if (!counted) return undefined;
  const kept = Object.entries(counted).filter(([id]) => !read.includes(id));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}
