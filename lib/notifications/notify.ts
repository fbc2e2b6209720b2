import type { DbOrTx } from '@/db/client';
import { notifications } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics, type THint } from '@/lib/live/topics';

export type TNotice = { userId: string; eventId?: string | null; kind: string; title: string; body?: string; href?: string };

export async function notify(tx: DbOrTx, n: TNotice): Promise<void> {
  const [row] = await tx.insert(notifications).values({ ...n, eventId: n.eventId ?? null }).returning({ id: notifications.id });
  await publishHint(tx, topics.user(n.userId), { notification: row!.id });
}

/** Stores several notifications in one statement; returns the hints for the caller to publish. */
export async function notifyMany(tx: DbOrTx, list: TNotice[]): Promise<THint[]> {
  if (list.length === 0) return [];
  const rows = await tx
    .insert(notifications)
    .values(list.map((n) => ({ ...n, eventId: n.eventId ?? null })))
    .returning({ id: notifications.id, userId: notifications.userId });
  return rows.map((r) => ({ topic: topics.user(r.userId), ids: { notification: r.id } }));
}
