import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, preparedStatement, type DbOrTx, type Tx } from '@/db/client';
import { AppError } from '@/lib/errors';

/**
 * Takes the desk's admission lock for the rest of the transaction. Every change that can admit
 * someone or free a place (entering, re-opening, closing, leaving, hard close, assigning,
 * admitting by hand) holds it. Why one lock per desk: an arrival that is not yet committed is
 * invisible to a concurrent close, so without it the close could admit nobody while the
 * arrival sees no free place — a place left empty next to a waiting person. It also makes the
 * queue order (queued_at from clock_timestamp() under the lock) the order of arrival.
 * FOR NO KEY UPDATE leaves the desk's foreign-key readers (inserting conversations) unblocked.
 */
const lockDeskRow = preparedStatement<{ id: string }>(
  'desk_lock',
  sql`select id from desks where id = ${sql.placeholder('deskId')} for no key update`,
);

export async function lockDesk(tx: Tx, deskId: string): Promise<void> {
  const rows = await lockDeskRow(tx, { deskId });
  if (rows.length === 0) throw new AppError('not_found', 'This desk does not exist any more.');
}

/**
 * The claim: the first queued conversation (strict first-come by queued_at) goes to a
 * moderator with a free place — the preferred one (whose conversation just closed, or who
 * pressed Admit) first, else the least busy. The conversation row is claimed FOR UPDATE SKIP
 * LOCKED: under the desk lock the only other holders of a queued row are transactions removing
 * the person (account deletion), which must not hold the queue up. The trigger on
 * conversations counts the moderator's open conversations and refuses to pass the limit.
 * A re-opened confidential conversation waits for its own moderator (it is locked to them).
 */
export const CLAIM_NEXT_SQL = sql`
  with place as (
    select m.user_id from desk_moderators m join desks d on d.id = m.desk_id
    where m.desk_id = ${sql.placeholder('deskId')} and m.open_count < d.limit_per_moderator
      and (${sql.placeholder('only')}::text is null or m.user_id = ${sql.placeholder('only')}::text)
    order by coalesce(m.user_id = ${sql.placeholder('prefer')}::text, false) desc, m.open_count, m.user_id
    limit 1
  ), next as (
    select c.id from conversations c, place
    where c.desk_id = ${sql.placeholder('deskId')} and c.status = 'queued'
      and (not c.confidential or c.assigned_to = place.user_id)
    order by c.queued_at, c.id
    limit 1
    for update of c skip locked
  )
  update conversations c set status = 'open', assigned_to = place.user_id, admitted_at = clock_timestamp()
  from place, next where c.id = next.id
  returning c.id, c.participant_id as "participantId", c.assigned_to as "assignedTo"`;

const claimNext = preparedStatement<TAdmitted>('desk_claim_next', CLAIM_NEXT_SQL);

export type TAdmitted = { id: string; participantId: string | null; assignedTo: string };

/**
 * Admits queued people while places are free (call with the desk lock held).
 * `only`: admit to this moderator alone (Admit button); `prefer`: try this moderator first.
 */
export async function admitWaiting(
  tx: Tx,
  deskId: string,
  opts: { only?: string; prefer?: string; max?: number } = {},
): Promise<TAdmitted[]> {
  const admitted: TAdmitted[] = [];
  const max = opts.max ?? Number.POSITIVE_INFINITY;
  while (admitted.length < max) {
    const [row] = await claimNext(tx, { deskId, only: opts.only ?? null, prefer: opts.prefer ?? opts.only ?? null });
    if (!row) break;
    admitted.push(row);
  }
  return admitted;
}

/** 1-based place in the queue, derived from the order (never stored). */
export async function queuePosition(db: DbOrTx, conversationId: string): Promise<number | null> {
  const [row] = await executeRows<{ position: number | string | null }>(
    db,
    sql`select (select count(*) from conversations o
                 where o.desk_id = c.desk_id and o.status = 'queued' and (o.queued_at, o.id) < (c.queued_at, c.id)) + 1 as position
        from conversations c where c.id = ${conversationId} and c.status = 'queued'`,
  );
  return row ? Number(row.position) : null;
}

/** What the wait estimate is made of: recent conversation lengths and the desk's places. */
export async function waitFacts(db: DbOrTx, deskId: string): Promise<{ recentMinutes: number[]; places: number }> {
  const lengths = await executeRows<{ minutes: number | string }>(
    db,
    sql`select extract(epoch from (closed_at - admitted_at)) / 60 as minutes from conversations
        where desk_id = ${deskId} and admitted_at is not null and closed_at is not null and closed_at > admitted_at
        order by closed_at desc limit 20`,
  );
  const [places] = await executeRows<{ places: number | string }>(
    db,
    sql`select count(m.user_id) * d.limit_per_moderator as places from desks d
        left join desk_moderators m on m.desk_id = d.id where d.id = ${deskId} group by d.id`,
  );
  return { recentMinutes: lengths.map((r) => Number(r.minutes)), places: Number(places?.places ?? 0) };
}
