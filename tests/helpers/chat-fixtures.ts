import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { eventDays, events } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { updateChatSettings, confirmAvailability } from '@/lib/chats/chat-settings';
import { setAvailability } from '@/lib/chats/set-availability';
import { slotGrid } from '@/lib/chats/slot-grid';
import { AppError } from '@/lib/errors';

export const actor = (id: string) => ({ id, isAdmin: false });

/** The demo fair, with its second day (tomorrow, 09:00–17:00 Berlin), so every slot is in the future. */
export async function demoFair(db: Db) {
  await seedDemo(db);
  const [event] = await db.select().from(events).where(eq(events.slug, 'demo-fair'));
  const days = await db.select().from(eventDays).where(eq(eventDays.eventId, event!.id));
  const day = days.sort((a, b) => a.date.localeCompare(b.date))[1]!;
  const grid = slotGrid(day, 30, event!.timeZone);
  return { event: event!, day, grid };
}

/** Opens a recruiter for chats: the given grid slots, the booking mode, confirmed. */
export async function openRecruiter(db: Db, fair: Awaited<ReturnType<typeof demoFair>>, recruiterId: string, mode: 'direct' | 'selective', slotIndexes: number[]) {
  await setAvailability(db, actor(recruiterId), {
    eventDayId: fair.day.id,
    durationMinutes: 30,
    startTimes: slotIndexes.map((i) => fair.grid[i]!.startsAt.toISOString()),
  });
  await updateChatSettings(db, actor(recruiterId), fair.event.id, { bookingMode: mode });
  await confirmAvailability(db, actor(recruiterId), fair.event.id);
}

export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

export async function setEventRules(db: Db, eventId: string, set: Partial<typeof events.$inferInsert>) {
  await db.update(events).set(set).where(and(eq(events.id, eventId)));
}
