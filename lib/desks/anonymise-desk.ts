import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { executeRows, type Db, type Tx } from '@/db/client';
import { desks } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { requireDeskManager } from './permissions';
import { loadDesk } from './queries';
import { ZDeskId } from './schemas';

export type TAnonymised = { conversations: number; flagged: number; messages: number; files: number };

const count = (rows: { n: number | string }[]) => Number(rows[0]?.n ?? 0);

/**
 * The desk's GDPR clean-up, in one transaction: flagged messages are redacted first, then every
 * other body; shared files are deleted; each participant becomes "Participant N" (the same N
 * for all their visits, by first arrival) and their authorship of messages is dropped. Counts,
 * times, moderators and tags stay, so the report still adds up. Running it twice does nothing.
 */
export async function anonymiseDesk(tx: Tx, deskId: string): Promise<TAnonymised> {
  const [desk] = await tx.select({ anonymisedAt: desks.anonymisedAt }).from(desks).where(eq(desks.id, deskId)).for('update');
  if (!desk || desk.anonymisedAt) return { conversations: 0, flagged: 0, messages: 0, files: 0 };
  const threads = sql`(select th.id from threads th join conversations c on c.id = th.owner_id where th.kind = 'desk_conversation' and c.desk_id = ${deskId})`;
  const flagged = await executeRows<{ n: number }>(
    tx,
    sql`with r as (update messages set body = '', redacted_at = now() where thread_id in ${threads} and pii_flagged_at is not null and redacted_at is null returning 1)
        select count(*) as n from r`,
  );
  const rest = await executeRows<{ n: number }>(
    tx,
    sql`with r as (update messages set body = '', redacted_at = now() where thread_id in ${threads} and redacted_at is null returning 1) select count(*) as n from r`,
  );
  await tx.execute(
    sql`update messages set author_id = null where thread_id in ${threads}
        and author_id in (select participant_id from conversations where desk_id = ${deskId} and participant_id is not null)`,
  );
  const files = await executeRows<{ n: number }>(tx, sql`with r as (delete from files where thread_id in ${threads} returning 1) select count(*) as n from r`);
  const people = await executeRows<{ n: number }>(
    tx,
    sql`with numbered as (
          select participant_id, 'Participant ' || row_number() over (order by min(first_queued_at), participant_id) as pseudonym
          from conversations where desk_id = ${deskId} and participant_id is not null group by participant_id),
        r as (update conversations c set pseudonym = n.pseudonym, participant_id = null from numbered n
              where c.desk_id = ${deskId} and c.participant_id = n.participant_id returning 1)
        select count(*) as n from r`,
  );
  await tx.execute(sql`delete from conversation_presence where conversation_id in (select id from conversations where desk_id = ${deskId})`);
  await tx.update(desks).set({ anonymisedAt: sql`now()` }).where(eq(desks.id, deskId));
  return { conversations: count(people), flagged: count(flagged), messages: count(flagged) + count(rest), files: count(files) };
}

/** Desks whose event ended longer ago than their retention period and are not yet cleaned up. */
export async function desksDueForAnonymisation(db: Db, now = new Date()): Promise<string[]> {
  const rows = await executeRows<{ id: string }>(
    db,
    sql`select d.id from desks d join events e on e.id = d.event_id
        where d.anonymised_at is null
          and greatest(d.closes_at, (select max((ed.date + ed.closes_at) at time zone e.time_zone) from event_days ed where ed.event_id = e.id))
              + make_interval(days => d.retention_days) < ${now.toISOString()}::timestamptz`,
  );
  return rows.map((r) => r.id);
}

/** The retention job: every due desk, each in its own transaction. */
export async function anonymiseDueDesks(db: Db, now = new Date()): Promise<number> {
  const due = await desksDueForAnonymisation(db, now);
  for (const deskId of due) await db.transaction((tx) => anonymiseDesk(tx, deskId));
  return due.length;
}

/** An organizer runs the clean-up early (after the desk has closed), audit-logged. */
export async function anonymiseDeskNow(db: Db, actor: TActor | null, input: unknown, now = new Date()): Promise<TAnonymised> {
  const { deskId } = parseInput(ZDeskId, input);
  const { desk } = await loadDesk(db, deskId);
  await requireDeskManager(db, actor, desk);
  if (desk.closesAt > now) throw new AppError('not_allowed_now', 'The desk is still open. Anonymise it after it closes.');
  if (desk.anonymisedAt) throw new AppError('not_allowed_now', 'This desk was already anonymised.');
  return db.transaction(async (tx) => {
    const result = await anonymiseDesk(tx, deskId);
    await recordAudit(tx, { eventId: desk.eventId, actorId: actor!.id, action: 'desk.anonymised', targetType: 'desk', targetId: deskId, details: { ...result } });
    return result;
  });
}
