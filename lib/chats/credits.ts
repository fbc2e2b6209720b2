import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { creditAccounts, creditLedger, events } from '@/db/schema';
import { AppError } from '@/lib/errors';

export type TCreditKind = 'talent' | 'recruiter';

/** The grant for a person in an event; null means unlimited (recruiters without a limit). */
async function grantFor(tx: DbOrTx, eventId: string, kind: TCreditKind): Promise<number | null> {
  const [event] = await tx
    .select({ talent: events.talentRequestCredits, recruiter: events.recruiterRequestCredits })
    .from(events)
    .where(eq(events.id, eventId));
  if (!event) throw new AppError('not_found', 'This event does not exist.');
  return kind === 'talent' ? event.talent : event.recruiter;
}

/**
 * Spends one credit inside the caller's transaction. The conditional UPDATE is the guard: two
 * concurrent spends of the last credit serialize on the row, and the second finds spent = granted.
 */
export async function spendCredit(
  tx: DbOrTx,
  p: { eventId: string; userId: string; kind: TCreditKind; requestId: string; reason: string; granted?: number | null },
): Promise<void> {
  const granted = p.granted !== undefined ? p.granted : await grantFor(tx, p.eventId, p.kind);
  if (granted === null) return;
  await tx.insert(creditAccounts).values({ eventId: p.eventId, userId: p.userId, kind: p.kind, granted }).onConflictDoNothing();
  // Spend and record in one statement; the WHERE spent < granted is the guard.
  const spent = await tx.execute(sql`
    with spent as (
      update ${creditAccounts} set spent = spent + 1
      where event_id = ${p.eventId} and user_id = ${p.userId} and kind = ${p.kind} and spent < granted
      returning event_id, user_id, kind
    )
    insert into ${creditLedger} (event_id, user_id, kind, delta, reason, request_id)
    select event_id, user_id, kind, -1, ${p.reason}, ${p.requestId} from spent
    returning id`);
  if (rowsOf(spent).length === 0) {
    throw new AppError('no_credits', p.kind === 'talent' ? 'You have no 1-1 chat requests left in this event.' : 'Your company has no 1-1 chat requests left for you in this event.');
  }
}

/** postgres.js returns the rows as the result; PGlite wraps them in { rows }. */
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  return (result as { rows?: unknown[] }).rows ?? [];
}

/** Gives one credit back (withdrawn request, recruiter no-show). Never above the grant. */
export async function refundCredit(
  tx: DbOrTx,
  p: { eventId: string; userId: string; kind: TCreditKind; requestId: string; reason: string },
): Promise<void> {
  const refunded = await tx
    .update(creditAccounts)
    .set({ spent: sql`${creditAccounts.spent} - 1` })
    .where(
      and(
        eq(creditAccounts.eventId, p.eventId),
        eq(creditAccounts.userId, p.userId),
        eq(creditAccounts.kind, p.kind),
        sql`${creditAccounts.spent} > 0`,
      ),
    )
    .returning({ spent: creditAccounts.spent });
  if (refunded.length) {
    await tx.insert(creditLedger).values({ eventId: p.eventId, userId: p.userId, kind: p.kind, delta: 1, reason: p.reason, requestId: p.requestId });
  }
}

/** "N of M requests left"; limit null means unlimited. */
export async function creditBalance(db: DbOrTx, eventId: string, userId: string, kind: TCreditKind): Promise<{ left: number | null; limit: number | null }> {
  const granted = await grantFor(db, eventId, kind);
  if (granted === null) return { left: null, limit: null };
  const [acc] = await db
    .select()
    .from(creditAccounts)
    .where(and(eq(creditAccounts.eventId, eventId), eq(creditAccounts.userId, userId), eq(creditAccounts.kind, kind)));
  const limit = acc?.granted ?? granted;
  return { left: limit - (acc?.spent ?? 0), limit };
}
