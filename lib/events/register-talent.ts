import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { events, registrations } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { notify } from '@/lib/notifications/notify';
import type { TActor } from './permissions';
import { inTx } from '@/lib/tx/in-tx';

/** Registers the actor as a talent. Registering twice is harmless and says so. */
export async function registerTalent(db: Db, actor: TActor | null, eventId: string): Promise<{ alreadyRegistered: boolean }> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to register.');
  return inTx(db, async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId));
    if (!event || event.status === 'draft') throw new AppError('not_found', 'This event does not exist.');
    if (event.status === 'ended') throw new AppError('not_allowed_now', 'This event has ended; registration is closed.');
    const inserted = await tx
      .insert(registrations)
      .values({ eventId, userId: actor.id, role: 'talent' })
      .onConflictDoNothing()
      .returning({ id: registrations.id });
    if (inserted.length === 0) return { alreadyRegistered: true };
    await notify(tx, {
      userId: actor.id,
      eventId,
      kind: 'registered',
      title: `You are registered for ${event.name}`,
      href: `/events/${event.slug}`,
    });
    await publishHint(tx, topics.event(eventId), { registrations: 1 });
    return { alreadyRegistered: false };
  });
}
