import type { DbOrTx } from '@/db/client';
import { notifications } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';

export async function notify(
  tx: DbOrTx,
  n: { userId: string; eventId?: string | null; kind: string; title: string; body?: string; href?: string },
): Promise<void> {
  const [row] = await tx.insert(notifications).values({ ...n, eventId: n.eventId ?? null }).returning({ id: notifications.id });
  await publishHint(tx, topics.user(n.userId), { notification: row!.id });
}
