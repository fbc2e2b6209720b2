import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { executeRows, type DbOrTx, type Tx } from '@/db/client';
import { sessionRegistrations, eventSessions } from '@/db/schema';
import type { TSession } from './permissions';

/**
 * Seats the first waitlisted people while seats are free, in waitlist order, and returns who
 * moved up. The caller holds the session's row lock, so the free-seat count read here is the
 * one every concurrent sign-up waits behind; the seat trigger keeps `seats_taken` in step.
 */
export async function promoteWaitlisted(tx: Tx, session: Pick<TSession, 'id'>): Promise<string[]> {
  const rows = await executeRows<{ user_id: string }>(
    tx,
    sql`with free as (
          select greatest(coalesce(${eventSessions.capacity}, 2147483647) - ${eventSessions.seatsTaken}, 0) as n
          from ${eventSessions} where ${eventSessions.id} = ${session.id}
        ), next as (
          select id from ${sessionRegistrations}
          where session_id = ${session.id} and status = 'waitlisted'
          order by queued_seq
          limit (select n from free)
          for update
        )
        update ${sessionRegistrations} r set status = 'registered', updated_at = now()
        from next where r.id = next.id
        returning r.user_id`,
  );
  return rows.map((r) => r.user_id);
}

/** 1-based place on the waitlist, derived from the order of joining (never stored). */
export async function waitlistPosition(db: DbOrTx, sessionId: string, queuedSeq: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(sessionRegistrations)
    .where(and(eq(sessionRegistrations.sessionId, sessionId), eq(sessionRegistrations.status, 'waitlisted'), lte(sessionRegistrations.queuedSeq, queuedSeq)));
  return row?.n ?? 0;
}
