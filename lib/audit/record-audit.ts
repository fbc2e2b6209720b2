import 'server-only';
import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';

export async function recordAudit(
  tx: DbOrTx,
  entry: { eventId: string | null; actorId: string | null; action: string; targetType: string; targetId?: string; details?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
  if (entry.eventId) await publishHint(tx, topics.eventAdmin(entry.eventId), { audit: entry.action });
}
