import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditLog, users } from '@/db/schema';

export async function listAudit(db: DbOrTx, eventId: string, limit = 20) {
  return db
    .select({ id: auditLog.id, action: auditLog.action, details: auditLog.details, createdAt: auditLog.createdAt, actor: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(auditLog.eventId, eventId))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}
