import 'server-only';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { availability, eventDays, events } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { parseInput } from '@/lib/validation';
import { canManageEvent, type TActor } from './permissions';
import { dayColumns, eventColumns, ZEventInput } from './schemas';
import { inTx } from '@/lib/tx/in-tx';

/** Replaces an event's settings and days. Days are matched by date so their ids stay stable. */
export async function updateEvent(db: Db, actor: TActor | null, eventId: string, input: unknown): Promise<{ slug: string }> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  if (!(await canManageEvent(db, actor, eventId))) throw new AppError('forbidden', 'Only organizers of this event can edit it.');
  const data = parseInput(ZEventInput, input);
  return inTx(db, async (tx) => {
    const [row] = await tx
      .update(events)
      .set({
        ...eventColumns(data),
        updatedAt: new Date(),
      })
      .where(eq(events.id, eventId))
      .returning({ slug: events.slug });
    if (!row) throw new AppError('not_found', 'This event no longer exists.');
    const dates = data.days.map((d) => d.date);
    await tx.delete(eventDays).where(and(eq(eventDays.eventId, eventId), notInArray(eventDays.date, dates)));
    for (const d of data.days) {
      const columns = dayColumns(d);
      await tx
        .insert(eventDays)
        .values({ ...columns, eventId })
        .onConflictDoUpdate({
          target: [eventDays.eventId, eventDays.date],
          set: { mode: columns.mode, recruitersChooseMode: columns.recruitersChooseMode, opensAt: d.opensAt, closesAt: d.closesAt, chatDurations: d.chatDurations, location: d.location },
        });
    }
    // A day that is no longer hybrid imposes its mode on every recruiter's chats that day.
    await tx.execute(sql`
      update ${availability} a set mode = d.mode
      from ${eventDays} d
      where d.id = a.event_day_id and d.event_id = ${eventId} and not d.recruiters_choose_mode and a.mode <> d.mode`);
    await recordAudit(tx, { eventId, actorId: actor.id, action: 'event.updated', targetType: 'event', targetId: eventId });
    await publishHint(tx, topics.event(eventId), { event: eventId });
    return row;
  });
}
