import 'server-only';
import type { Db } from '@/db/client';
import { eventDays, events, registrations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { canCreateEvent, type TActor } from './permissions';
import { dayColumns, eventColumns, ZEventInput } from './schemas';
import { inTx } from '@/lib/tx/in-tx';

/** Creates an event with its days; the creator becomes its organizer. */
export async function createEvent(db: Db, actor: TActor | null, input: unknown): Promise<{ id: string; slug: string }> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  if (!canCreateEvent(actor)) throw new AppError('forbidden', 'Only platform organizers can create events.');
  const data = parseInput(ZEventInput, input);
  return inTx(db, async (tx) => {
    const [event] = await tx
      .insert(events)
      .values({
        ...eventColumns(data),
        createdBy: actor.id,
      })
      .returning({ id: events.id, slug: events.slug });
    await tx.insert(eventDays).values(data.days.map((d) => ({ ...dayColumns(d), eventId: event!.id })));
    await tx.insert(registrations).values({ eventId: event!.id, userId: actor.id, role: 'organizer' }).onConflictDoNothing();
    await recordAudit(tx, { eventId: event!.id, actorId: actor.id, action: 'event.created', targetType: 'event', targetId: event!.id });
    return event!;
  });
}
