import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { conversations } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { canViewEvent, rolesInEvent, type TActor } from '@/lib/events/permissions';
import { formatInstant } from '@/lib/time/format';
import { parseInput } from '@/lib/validation';
import { inDeskTx } from './desk-tx';
import { announceDeskChange } from './hints';
import { isDeskModerator } from './permissions';
import { currentVisit, loadDesk, type TDesk } from './queries';
import { admitWaiting, lockDesk } from './queue';
import { ZDeskId } from './schemas';

/** Entering and writing are possible while the desk is open. */
export function assertDeskOpen(desk: TDesk, timeZone: string, now: Date): void {
  if (now < desk.opensAt || now >= desk.closesAt) {
    throw new AppError(
      'not_allowed_now',
      `${desk.name} is open from ${formatInstant(desk.opensAt, timeZone)} to ${formatInstant(desk.closesAt, timeZone)}. Come back then.`,
    );
  }
}

/**
 * A participant opens a desk: their current visit if they have one, otherwise a new
 * conversation at the end of the queue, admitted at once when a moderator has a free place.
 */
export async function enterDesk(db: Db, actor: TActor | null, input: unknown, now = new Date()): Promise<{ conversationId: string }> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { deskId } = parseInput(ZDeskId, input);
  const { desk, event } = await loadDesk(db, deskId);
  if (!(await canViewEvent(db, actor, event))) throw new AppError('not_found', 'This desk does not exist. Pick one from the event page.');
  if ((await rolesInEvent(db, actor.id, event.id)).length === 0) throw new AppError('forbidden', `Register for ${event.name} first, then open the desk.`);
  if (await isDeskModerator(db, actor.id, deskId)) throw new AppError('forbidden', 'You moderate this desk — its conversations are in All Conversations.');
  const existing = await currentVisit(db, deskId, actor.id);
  if (existing) return { conversationId: existing.id };
  assertDeskOpen(desk, event.timeZone, now);
  return inDeskTx(db, async (tx) => {
    await lockDesk(tx, deskId);
    // Under the lock: clock_timestamp() orders arrivals as they took it, not as they began.
    const [row] = await tx
      .insert(conversations)
      .values({ deskId, participantId: actor.id, queuedAt: sql`clock_timestamp()`, firstQueuedAt: sql`clock_timestamp()` })
      .returning({ id: conversations.id });
    const admitted = await admitWaiting(tx, deskId);
    await announceDeskChange(tx, deskId, admitted.map((a) => ({ id: a.id, deskId, confidential: false, assignedTo: a.assignedTo })), true);
    return { conversationId: row!.id };
  });
}
