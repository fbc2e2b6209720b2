import 'server-only';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { notifications } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { parseInput } from '@/lib/validation';

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications(db: DbOrTx, userId: string, limit = 50) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt)).limit(limit);
}

/** Marks all of a person's notifications read; only their own rows are touched. */
export async function markAllRead(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (rows.length) await publishHint(db, topics.user(userId), { read: rows.length });
  return rows.length;
}

const ZMarkRead = z.object({ id: z.uuid({ message: 'Unknown notification' }) });

/**
 * Marks one notification read when its person opens it. Someone else's id, or one already
 * read, changes nothing (no error: the link still takes them where it points).
 */
export async function markRead(db: DbOrTx, userId: string, input: unknown): Promise<number> {
  const { id } = parseInput(ZMarkRead, input);
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (rows.length) await publishHint(db, topics.user(userId), { read: rows.length });
  return rows.length;
}
