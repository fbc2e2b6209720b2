import { formatInstant } from '@/lib/time/format';

/**
 * A free slot as talents see it: times (ISO) and a label in the event's zone, naming that zone
 * ("Tue 1 Dec, 19:00 CET (10 min, video)": a viewer elsewhere must not read it as their own clock),
 * saying how long it is and how it takes place.
 */
export type TFreeSlot = { id: string; startsAt: string; endsAt: string; label: string };
/** A slot offered in a picker; `clash` when the viewer has a chat then (marked, not offered). */
export type TSlotOption = { id: string; label: string; clash?: string };
/** One of the viewer's own confirmed chats. */
export type TBusy = { startsAt: Date | string; endsAt: Date | string; with: string };

export function freeSlotView(s: { id: string; startsAt: Date; endsAt: Date; mode: string | null }, timeZone: string): TFreeSlot {
  const minutes = Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000);
  return {
    id: s.id,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    label: `${formatInstant(s.startsAt, timeZone, { withZone: true })} (${minutes} min, ${s.mode === 'in_person' ? 'in person' : 'video'})`,
  };
}

/**
 * Free slots as picker options: one overlapping a chat of the viewer's is marked with whom.
 * Pure, so the server page and the live client view mark clashes the same way.
 */
export function slotOptionsFor(free: TFreeSlot[], busy: TBusy[]): TSlotOption[] {
  const ms = (d: Date | string) => (typeof d === 'string' ? Date.parse(d) : d.getTime());
  return free.map((s) => {
    const [start, end] = [Date.parse(s.startsAt), Date.parse(s.endsAt)];
    const clash = busy.find((b) => ms(b.startsAt) < end && start < ms(b.endsAt));
    return { id: s.id, label: s.label, ...(clash ? { clash: `you have a chat with ${clash.with} then` } : {}) };
  });
}
