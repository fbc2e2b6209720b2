import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { outbox, registrations } from '@/db/schema';
import { env } from '@/lib/env';
import type { TActor } from '@/lib/events/permissions';

export type TOutboxScope = 'all' | 'organized' | 'none';

/** Demo mode shows every mail (that is how a demo visitor reads a magic link); otherwise
 * admins see all and organizers the mails of their events. */
export async function outboxScope(db: DbOrTx, actor: TActor | null): Promise<TOutboxScope> {
  if (env().demoLogin || actor?.isAdmin) return 'all';
  if (!actor) return 'none';
  const [row] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.userId, actor.id), eq(registrations.role, 'organizer')))
    .limit(1);
  return row ? 'organized' : 'none';
}

export async function listOutbox(db: DbOrTx, actor: TActor | null, limit = 100) {
  const scope = await outboxScope(db, actor);
  if (scope === 'none') return null;
  const base = db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit);
  if (scope === 'all') return base;
  const organized = db
    .select({ id: registrations.eventId })
    .from(registrations)
    .where(and(eq(registrations.userId, actor!.id), eq(registrations.role, 'organizer')));
  return db
    .select()
    .from(outbox)
    .where(inArray(outbox.eventId, organized))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
}
