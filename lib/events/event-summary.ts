import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { events } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { canViewEvent, type TActor } from './permissions';
import { countTalents } from './queries';

/** The lobby's live counters, for someone who may see the event. */
export async function eventSummary(db: DbOrTx, actor: TActor | null, rawId: unknown): Promise<{ talents: number }> {
  const id = z.uuid().safeParse(rawId);
  if (!id.success) throw new AppError('not_found', 'No such event.');
  const [event] = await db.select({ id: events.id, status: events.status }).from(events).where(eq(events.id, id.data));
  if (!event || !(await canViewEvent(db, actor, event))) throw new AppError('not_found', 'No such event.');
  return { talents: await countTalents(db, event.id) };
}
