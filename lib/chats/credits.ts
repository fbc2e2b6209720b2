import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { preparedStatement, type DbOrTx } from '@/db/client';
import { hotRead } from '@/db/hot-read';
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

// One statement opens the account with this spend in it, or spends from the existing account.
// The guard: ON CONFLICT locks the existing row and checks spent < granted on its latest
// version, so concurrent spends of the last credit serialize and only one gets a row back.
// The grant is the event's current one: an organizer who changes the limit changes it for all.
// A new account with nothing granted is opened with nothing spent (least(1, 0) = 0) and so
// records no spend; the CHECK spent <= granted stands behind both paths.
const spendOne = preparedStatement<{ id: string }>(
  'credit_spend',
  sql`with spent as (
        insert into ${creditAccounts} as a (event_id, user_id, kind, granted, spent)
        values (${sql.placeholder('eventId')}, ${sql.placeholder('userId')}, ${sql.placeholder('kind')}, ${sql.placeholder('granted')}, least(1, ${sql.placeholder('granted')}))
        on conflict (event_id, user_id, kind) do update set spent = a.spent + 1, granted = excluded.granted where a.spent < excluded.granted
        returning event_id, user_id, kind, spent
      )
      insert into ${creditLedger} (event_id, user_id, kind, delta, reason, request_id)
      select event_id, user_id, kind, -1, ${sql.placeholder('reason')}, ${sql.placeholder('requestId')} from spent where spent > 0
      returning id`,
);

/**
 * Spends one credit inside the caller's transaction (the statement above says how it is
 * guarded); no row back means none was left.
 * With `granted` given, the statement is sent before this awaits anything, so a caller may
 * pipeline it with its own.
 */
export async function spendCredit(
  tx: DbOrTx,
  p: { eventId: string; userId: string; kind: TCreditKind; requestId: string; reason: string; granted?: number | null },
): Promise<void> {
  const granted = p.granted !== undefined ? p.granted : await grantFor(tx, p.eventId, p.kind);
  if (granted === null) return;
  const spent = await spendOne(tx, { eventId: p.eventId, userId: p.userId, kind: p.kind, granted, reason: p.reason, requestId: p.requestId });
  if (spent.length === 0) {
    throw new AppError('no_credits', p.kind === 'talent' ? 'You have no 1-1 chat requests left in this event.' : 'Your company has no 1-1 chat requests left for you in this event.');
  }
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

/**
 * "N of M requests left"; limit null means unlimited. `event`: the event's row when the caller
 * has read it already (its credit limits), else they are read here.
 */
// The 1-1 chats page and its refetches read it on every request: built once (db/hot-read.ts).
const accountQuery = hotRead((db) =>
  db
    .select()
    .from(creditAccounts)
    .where(and(eq(creditAccounts.eventId, sql.placeholder('event')), eq(creditAccounts.userId, sql.placeholder('user')), eq(creditAccounts.kind, sql.placeholder('kind'))))
    .prepare('credit_account'),
);

export async function creditBalance(
  db: DbOrTx,
  eventId: string,
  userId: string,
  kind: TCreditKind,
  event?: { talentRequestCredits: number | null; recruiterRequestCredits: number | null },
): Promise<{ left: number | null; limit: number | null }> {
  const granted = event ? (kind === 'talent' ? event.talentRequestCredits : event.recruiterRequestCredits) : await grantFor(db, eventId, kind);
  if (granted === null) return { left: null, limit: null };
  const [acc] = await accountQuery(db, { event: eventId, user: userId, kind });
  // The event's current limit counts, even if it was lowered below what was already spent.
  return { left: Math.max(0, granted - (acc?.spent ?? 0)), limit: granted };
}
