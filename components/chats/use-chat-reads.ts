'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { api } from '@/components/live/api';
import { useLiveHint, useLiveTopics } from '@/components/live/live-provider';
import { topics } from '@/lib/live/topics';
import { countedExcept, needsReread, takenSlotsOf, withoutSlots, withoutTaken, type TOpenRecruitersShown } from '@/lib/chats/open-recruiters-hint';
import type { TOpenRecruiters } from '@/lib/chats/open-recruiters';
import type { TRecruiterInbox } from '@/lib/chats/recruiter-inbox';
import type { TTalentChats } from '@/lib/chats/talent-chats';

// The live reads of the 1-1 chat pages. The server page renders the first data (initialData);
// hints on narrow topics refetch a small JSON route, never the page (docs/shared-machinery.md).

/** A talent's own chats and credits: refetched on hints of `user:<me>`. */
export function useTalentChats(eventId: string, meId: string, initial: TTalentChats) {
  const topic = topics.user(meId);
  useLiveTopics([topic]);
  return useQuery({
    queryKey: ['talent-chats', eventId, meId],
    meta: { topics: [topic] },
    queryFn: ({ signal }) => api<TTalentChats & { ok: true }>(`/api/events/${eventId}/chats/mine`, { signal }),
    initialData: initial,
  });
}

/**
 * The open recruiters and free slots a talent sees. A hint on `open-recruiters:<event>` names
 * the recruiter that changed. When it names the slot a chat took (`data.taken`, see
 * lib/chats/open-recruiters-hint.ts) the slot is dropped from the cached list at once, and
 * nothing is read unless the hint also asks for a reread (a slot came free, the pending count
 * moved): a booking costs a thousand watchers no request. Otherwise only that recruiter is read
 * again and merged in. A reconnect, a hint without a recruiter, or a recruiter who newly opened
 * reads the whole list again. The server's first paint carries the slots only of the talent's
 * own chats' recruiters; `loadSlots(id)` reads one recruiter's (a Book form opened before the
 * stream's first whole read brought them). Applying a taken hint is idempotent (withoutTaken):
 * a hint that comes twice, or after a read that left its slot out, counts once. What no client
 * can tell is a first paint read just after a booking whose hint then arrives (the hub may hold
 * it while busy): that count is one too low until the whole read every connection starts answers.
 */
export function useOpenRecruiters(eventId: string, initial: TOpenRecruiters) {
  const topic = topics.openRecruiters(eventId);
  useLiveTopics([topic]);
  const qc = useQueryClient();
  const key = ['open-recruiters', eventId];
  const url = `/api/events/${eventId}/chats/open-recruiters`;
  // What hints asked for since the last successful read. Cleared only after a read succeeds:
  // a read cancelled by the next hint leaves them for the read that replaces it.
  const changed = useRef(new Set<string>());
  const whole = useRef(false);
  // Slots hints said were taken, by the count of hints at that moment: a read that began
  // before a slot's hint may still offer it, so its answer drops those slots too.
  const hints = useRef(0);
  const taken = useRef(new Map<string, number>());
  useLiveHint(topic, (hint) => {
    const id = hint.ids?.recruiter;
    if (hint.resync || hint.revoked || typeof id !== 'string') {
      whole.current = true;
      return false;
    }
    const gone = takenSlotsOf(hint.data);
    if (gone.length > 0) {
      const n = ++hints.current;
      for (const slot of gone) taken.current.set(slot, n);
      // Idempotent: the same hint again, or one whose slot a read already left out, changes nothing.
      qc.setQueryData<TOpenRecruitersShown>(key, (list) => list && withoutTaken(list, id, gone));
    }
    if (!needsReread(hint.data)) return true;
    changed.current.add(id);
    return false;
  });
  const query = useQuery({
    queryKey: key,
    meta: { topics: [topic] },
    queryFn: async ({ signal }): Promise<TOpenRecruitersShown> => {
      const began = hints.current;
      const ids = [...changed.current];
      const settled = (list: TOpenRecruitersShown) => {
        for (const [slot, n] of taken.current) if (n <= began) taken.current.delete(slot);
        return withoutSlots(list, (s) => taken.current.has(s));
      };
      const full = async () => {
        const all = await api<TOpenRecruiters & { ok: true }>(url, { signal });
        whole.current = false;
        for (const id of ids) changed.current.delete(id);
        return settled({ recruiters: all.recruiters, slots: all.slots });
      };
      if (!qc.getQueryData<TOpenRecruiters>(key) || whole.current || ids.length === 0 || ids.length > 20) return full();
      const part = await api<TOpenRecruiters & { ok: true }>(`${url}?recruiters=${ids.map(encodeURIComponent).join(',')}`, { signal });
      // Merged into what is shown now, which hints may have patched while this read ran.
      const prev = qc.getQueryData<TOpenRecruitersShown>(key)!;
      // A recruiter who just opened has no place in the list yet: read it whole, in order.
      if (part.recruiters.some((r) => !prev.recruiters.some((p) => p.id === r.id))) return full();
      for (const id of ids) changed.current.delete(id);
      const fresh = new Map(part.recruiters.map((r) => [r.id, r]));
      const slots = { ...prev.slots };
      for (const id of ids) {
        if (part.slots[id]) slots[id] = part.slots[id];
        else delete slots[id];
      }
      return settled({
        recruiters: prev.recruiters.filter((r) => !ids.includes(r.id) || fresh.has(r.id)).map((r) => fresh.get(r.id) ?? r),
        slots,
        // What hints counted off recruiters not read yet stays counted (so their hints still count once).
        counted: countedExcept(prev.counted, ids),
      });
    },
    initialData: initial,
  });
  const { refetch } = query;
  // Read like a hint's reread, so a slot taken meanwhile is not brought back.
  const loadSlots = useCallback(
    (recruiterId: string) => {
      changed.current.add(recruiterId);
      void refetch();
    },
    [refetch],
  );
  return { data: query.data, loadSlots };
}

/** A recruiter's Manage 1-1 Chats (requests, chats, free slots, days): refetched on hints of `user:<me>`. */
export function useRecruiterInbox(eventId: string, meId: string, initial: TRecruiterInbox) {
  const topic = topics.user(meId);
  useLiveTopics([topic]);
  return useQuery({
    queryKey: ['recruiter-inbox', eventId, meId],
    meta: { topics: [topic] },
    queryFn: ({ signal }) => api<TRecruiterInbox & { ok: true }>(`/api/events/${eventId}/chats/inbox`, { signal }),
    initialData: initial,
  });
}
