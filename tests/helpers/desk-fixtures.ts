import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { conversations, deskModerators, registrations, users } from '@/db/schema';
import { createDesk } from '@/lib/desks/create-desk';
import { actor } from './chat-fixtures';

/** A desk of the demo fair open all of today (UTC), with the given moderators and limit. */
export async function openDesk(db: Db, eventId: string, opts: { moderators: string[]; limit: number; name?: string; filesAllowed?: boolean }) {
  const now = new Date();
  const { deskId } = await createDesk(db, actor('demo-organizer'), {
    eventId,
    name: opts.name ?? 'Application Q&A',
    welcomeMessage: 'Welcome! Ask us anything about applications.',
    date: now.toISOString().slice(0, 10),
    opensAt: '00:00',
    closesAt: '23:59',
    limitPerModerator: opts.limit,
    retentionDays: 30,
    filesAllowed: opts.filesAllowed ?? false,
    moderatorIds: opts.moderators,
  });
  // The form reads hours in the event's zone; widen them so the desk is open whenever tests run.
  await db.execute(sql`update desks set opens_at = now() - interval '1 day', closes_at = now() + interval '1 day' where id = ${deskId}`);
  return deskId;
}

/** Extra talents registered in the event, for crowds larger than the demo's forty. */
export async function crowd(db: Db, eventId: string, n: number, prefix = 'crowd'): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
  await db.insert(users).values(ids.map((id, i) => ({ id, name: `Crowd Person ${prefix} ${i + 1}`, email: `${id}@crowd.test` })));
  await db.insert(registrations).values(ids.map((userId) => ({ eventId, userId, role: 'talent' as const })));
  return ids;
}

export async function statusOf(db: Db, conversationId: string) {
  const [c] = await db.select().from(conversations).where(eq(conversations.id, conversationId));
  return c!;
}

export async function openCounts(db: Db, deskId: string): Promise<Record<string, number>> {
  const rows = await db.select().from(deskModerators).where(and(eq(deskModerators.deskId, deskId)));
  return Object.fromEntries(rows.map((r) => [r.userId, r.openCount]));
}
