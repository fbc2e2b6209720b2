'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api } from '@/components/live/api';
import { useLiveHint, useLiveTopics } from '@/components/live/live-provider';
import { topics } from '@/lib/live/topics';
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
    queryFn: () => api<TTalentChats & { ok: true }>(`/api/events/${eventId}/chats/mine`),
    initialData: initial,
  });
}

/**
 * The open recruiters and free slots a talent sees. A hint on `open-recruiters:<event>` names
 * the recruiter that changed: only that recruiter is read again and merged in (one booking
 * costs each watcher one recruiter's slots). A reconnect, a hint without a recruiter, or a
 * recruiter who newly opened reads the whole list again.
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
  useLiveHint(topic, (hint) => {
    const id = hint.ids?.recruiter;
    if (hint.resync || hint.revoked || typeof id !== 'string') whole.current = true;
    else changed.current.add(id);
  });
  return useQuery({
    queryKey: key,
    meta: { topics: [topic] },
    queryFn: async (): Promise<TOpenRecruiters> => {
      const prev = qc.getQueryData<TOpenRecruiters>(key);
      const ids = [...changed.current];
      const full = async () => {
        const all = await api<TOpenRecruiters & { ok: true }>(url);
        whole.current = false;
        for (const id of ids) changed.current.delete(id);
        return { recruiters: all.recruiters, slots: all.slots };
      };
      if (!prev || whole.current || ids.length === 0 || ids.length > 20) return full();
      const part = await api<TOpenRecruiters & { ok: true }>(`${url}?recruiters=${ids.map(encodeURIComponent).join(',')}`);
      // A recruiter who just opened has no place in the list yet: read it whole, in order.
      if (part.recruiters.some((r) => !prev.recruiters.some((p) => p.id === r.id))) return full();
      for (const id of ids) changed.current.delete(id);
      const fresh = new Map(part.recruiters.map((r) => [r.id, r]));
      const slots = { ...prev.slots };
      for (const id of ids) {
        if (part.slots[id]) slots[id] = part.slots[id];
        else delete slots[id];
      }
      return {
        recruiters: prev.recruiters.filter((r) => !ids.includes(r.id) || fresh.has(r.id)).map((r) => fresh.get(r.id) ?? r),
        slots,
      };
    },
    initialData: initial,
  });
}

/** A recruiter's Manage 1-1 Chats (requests, chats, free slots, days): refetched on hints of `user:<me>`. */
export function useRecruiterInbox(eventId: string, meId: string, initial: TRecruiterInbox) {
  const topic = topics.user(meId);
  useLiveTopics([topic]);
  return useQuery({
    queryKey: ['recruiter-inbox', eventId, meId],
    meta: { topics: [topic] },
    queryFn: () => api<TRecruiterInbox & { ok: true }>(`/api/events/${eventId}/chats/inbox`),
    initialData: initial,
  });
}
