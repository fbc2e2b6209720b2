import 'server-only';
import { and, asc, eq, gt, inArray, lt, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { availability, chatRequests, eventDays, events, slots } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { formatInstant } from '@/lib/time/format';
import { inTx } from '@/lib/tx/in-tx';
import { parseInput } from '@/lib/validation';
import { hintRecruiterChanged } from './hints';
import { canManageAvailabilityOf } from './permissions';
import { heldSlot } from './queries';
import { ZSetAvailabilityInput } from './schemas';
import { slotGrid, type TSlotTime } from './slot-grid';

/**
 * Sets a recruiter's slots on one day to exactly the chosen start times. Booked slots stay:
 * removing one, or changing the day's duration under it, needs the chat cancelled first.
 * A chosen time that overlaps the recruiter's slot in another event is left out and named.
 */
export async function setAvailability(db: Db, actor: TActor | null, input: unknown, now = new Date()): Promise<{ slots: number; clashes: TSlotClash[] }> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const data = parseInput(ZSetAvailabilityInput, input);
  const recruiterId = data.recruiterId ?? actor.id;
  const [row] = await db
    .select({ day: eventDays, event: events })
    .from(eventDays)
    .innerJoin(events, eq(events.id, eventDays.eventId))
    .where(eq(eventDays.id, data.eventDayId));
  if (!row) throw new AppError('not_found', 'This event day does not exist.');
  const { day, event } = row;
  if (!(await canManageAvailabilityOf(db, actor, recruiterId, event.id))) {
    throw new AppError('forbidden', 'You can set availability for yourself, or as a company admin for your colleagues.');
  }
  if (!day.chatDurations.includes(data.durationMinutes)) {
    throw new AppError('invalid_input', `This day allows ${day.chatDurations.join(', ')}-minute chats.`, { durationMinutes: 'Pick one of the allowed durations' });
  }
  if (data.mode && data.mode !== day.mode && !day.recruitersChooseMode) {
    throw new AppError('invalid_input', `The organizer made this day ${day.mode === 'virtual' ? 'virtual' : 'in person'} for everyone.`, { mode: 'Not a choice on this day' });
  }
  const mode = day.recruitersChooseMode ? (data.mode ?? day.mode) : day.mode;
  const grid = slotGrid(day, data.durationMinutes, event.timeZone);
  const gridByStart = new Map(grid.map((s) => [s.startsAt.getTime(), s]));
  const wanted = new Set<number>();
  for (const iso of data.startTimes) {
    const t = Date.parse(iso);
    if (!gridByStart.has(t)) throw new AppError('invalid_input', 'A chosen time is not on this day’s grid. Reload and try again.', { startTimes: 'Unknown slot time' });
    wanted.add(t);
  }

  return inTx(db, async (tx) => {
    const [before] = await tx
      .select({ mode: availability.mode })
      .from(availability)
      .where(and(eq(availability.eventDayId, day.id), eq(availability.recruiterId, recruiterId)))
      .for('update');
    await tx
      .insert(availability)
      .values({ eventDayId: day.id, recruiterId, durationMinutes: data.durationMinutes, mode })
      .onConflictDoUpdate({ target: [availability.eventDayId, availability.recruiterId], set: { durationMinutes: data.durationMinutes, mode } });
    // Lock the recruiter's slots of this day so a booking cannot slip in between check and delete.
    const existing = await tx
      .select({ id: slots.id, startsAt: slots.startsAt, endsAt: slots.endsAt, held: heldSlot(slots.id).mapWith(Boolean) })
      .from(slots)
      .where(and(eq(slots.recruiterId, recruiterId), eq(slots.eventDayId, day.id)))
      .for('update', { of: slots });
    const heldIds = new Set(existing.filter((s) => s.held).map((s) => s.id));
    if (before && before.mode !== mode && heldIds.size > 0) {
      // Talents booked on the understanding of how the chat takes place.
      throw new AppError('not_allowed_now', `Chats on this day were booked as ${before.mode === 'virtual' ? 'virtual' : 'in person'}. Cancel them before switching.`, { mode: 'Chats are booked' });
    }
    const toDelete: string[] = [];
    const kept = new Set<number>();
    for (const s of existing) {
      const fits = wanted.has(s.startsAt.getTime()) && s.endsAt.getTime() - s.startsAt.getTime() === data.durationMinutes * 60_000;
      if (fits) kept.add(s.startsAt.getTime());
      else if (heldIds.has(s.id)) {
        throw new AppError('not_allowed_now', 'A booked slot cannot be removed or resized. Cancel its chat first.');
      } else toDelete.push(s.id);
    }
    if (toDelete.length) await tx.delete(slots).where(inArray(slots.id, toDelete));
    const toInsert = [...wanted].filter((t) => !kept.has(t)).map((t) => gridByStart.get(t)!);
    // A slot that has started can no longer be booked: offering it would only show a false "Available".
    if (toInsert.some((s) => s.startsAt.getTime() <= now.getTime())) {
      throw new AppError('invalid_input', 'A chosen time has already passed. Pick later times and save again.', { startTimes: 'Past time' });
    }
    // A recruiter's slots never overlap, across all their events (the EXCLUDE constraint).
    // DO NOTHING skips each slot that would overlap one elsewhere — also one saved a moment
    // ago by a concurrent edit — and the rest is saved; the skipped ones are named below.
    const inserted = toInsert.length
      ? await tx
          .insert(slots)
          .values(toInsert.map((s) => ({ eventId: event.id, eventDayId: day.id, recruiterId, startsAt: s.startsAt, endsAt: s.endsAt })))
          .onConflictDoNothing()
          .returning({ startsAt: slots.startsAt })
      : [];
    const saved = new Set(inserted.map((r) => r.startsAt.getTime()));
    const skipped = toInsert.filter((s) => !saved.has(s.startsAt.getTime()));
    const clashes = skipped.length ? await clashingSlots(tx, recruiterId, skipped, event.timeZone) : [];
    await hintRecruiterChanged(tx, event.id, recruiterId);
    return { slots: wanted.size - skipped.length, clashes };
  });
}

export type TSlotClash = { startsAt: string; label: string; otherEvent: string; otherLabel: string };

/** For each slot that could not be saved, the recruiter's slot it overlaps and that slot's event. */
async function clashingSlots(tx: DbOrTx, recruiterId: string, wanted: TSlotTime[], timeZone: string): Promise<TSlotClash[]> {
  const rows = await tx
    .select({ startsAt: slots.startsAt, endsAt: slots.endsAt, eventName: events.name })
    .from(slots)
    .innerJoin(events, eq(events.id, slots.eventId))
    .where(
      and(
        eq(slots.recruiterId, recruiterId),
        or(...wanted.map((w) => and(lt(slots.startsAt, w.endsAt), gt(slots.endsAt, w.startsAt)))),
      ),
    )
    .orderBy(asc(slots.startsAt));
  const clock = (d: Date) => formatInstant(d, timeZone, { withDay: false });
  return wanted.map((w) => {
    // None when the clashing slot was removed again since our insert (a concurrent edit undone).
    const other = rows.find((r) => r.startsAt < w.endsAt && r.endsAt > w.startsAt);
    return {
      startsAt: w.startsAt.toISOString(),
      label: clock(w.startsAt),
      otherEvent: other?.eventName ?? 'another event',
      otherLabel: other ? `${clock(other.startsAt)}–${clock(other.endsAt)}` : 'a slot saved at the same moment',
    };
  });
}
