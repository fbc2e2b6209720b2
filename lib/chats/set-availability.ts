import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { availability, chatRequests, eventDays, events, slots } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { parseInput } from '@/lib/validation';
import { canManageAvailabilityOf } from './permissions';
import { ZSetAvailabilityInput } from './schemas';
import { slotGrid } from './slot-grid';

/**
 * Sets a recruiter's slots on one day to exactly the chosen start times. Booked slots stay:
 * removing one, or changing the day's duration under it, needs the chat cancelled first.
 */
export async function setAvailability(db: Db, actor: TActor | null, input: unknown): Promise<{ slots: number }> {
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

  return db.transaction(async (tx) => {
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
      .select({ id: slots.id, startsAt: slots.startsAt, endsAt: slots.endsAt })
      .from(slots)
      .where(and(eq(slots.recruiterId, recruiterId), eq(slots.eventDayId, day.id)))
      .for('update');
    const held = existing.length
      ? await tx
          .select({ slotId: chatRequests.slotId })
          .from(chatRequests)
          .where(inArray(chatRequests.slotId, existing.map((s) => s.id)))
      : [];
    const heldIds = new Set(held.map((h) => h.slotId));
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
    if (toInsert.length) {
      await tx.insert(slots).values(toInsert.map((s) => ({ eventId: event.id, eventDayId: day.id, recruiterId, startsAt: s.startsAt, endsAt: s.endsAt })));
    }
    await publishHint(tx, topics.event(event.id), { recruiter: recruiterId });
    return { slots: wanted.size };
  });
}
