/** One entry of My Schedule: a 1-1 chat or a session, with the ids of entries it clashes with. */
export type TScheduleEntry<T> = { key: string; startsAt: Date; endsAt: Date; counts: boolean; item: T };

/**
 * Marks clashes: two entries clash when their times overlap and both are firm (a confirmed
 * chat, a hosted session or a held seat — a waitlist place is not firm yet). Entries come back
 * in time order, each with the keys of the entries it clashes with.
 */
export function withClashes<T>(entries: TScheduleEntry<T>[]): (TScheduleEntry<T> & { clashesWith: string[] })[] {
  const sorted = [...entries].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.key.localeCompare(b.key));
  const out = sorted.map((e) => ({ ...e, clashesWith: [] as string[] }));
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!;
    if (!a.counts) continue;
    // Sorted by start: only later entries that start before `a` ends can overlap it.
    for (let j = i + 1; j < out.length && out[j]!.startsAt < a.endsAt; j++) {
      const b = out[j]!;
      if (!b.counts || b.startsAt >= a.endsAt) continue;
      a.clashesWith.push(b.key);
      b.clashesWith.push(a.key);
    }
  }
  return out;
}
