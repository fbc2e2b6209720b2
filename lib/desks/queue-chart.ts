import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, type DbOrTx } from '@/db/client';

export type TQueuePoint = { at: string; queueLength: number; avgWaitMinutes: number | null };

/**
 * Queue length and waiting time over the desk's day, in 15-minute steps: how many people were
 * waiting at each step (queued before it, admitted — or gone — after it), and the mean wait of
 * those admitted during the step. Derived from the conversations' times, nothing extra stored.
 * Confidential conversations count only as numbers here, like everyone else's.
 */
export async function queueChart(db: DbOrTx, deskId: string): Promise<TQueuePoint[]> {
  const rows = await executeRows<{ at: Date | string; queue_length: number | string; avg_wait: number | string | null }>(
    db,
    sql`with d as (select opens_at, closes_at from desks where id = ${deskId}),
        steps as (select generate_series(d.opens_at, d.closes_at, interval '15 minutes') as at from d)
        select s.at,
          (select count(*) from conversations c where c.desk_id = ${deskId} and c.queued_at <= s.at
             and coalesce(c.admitted_at, case when c.status = 'queued' then 'infinity'::timestamptz else c.closed_at end) > s.at) as queue_length,
          (select avg(extract(epoch from (c.admitted_at - c.queued_at)) / 60) from conversations c
             where c.desk_id = ${deskId} and c.admitted_at > s.at - interval '15 minutes' and c.admitted_at <= s.at) as avg_wait
        from steps s order by s.at`,
  );
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    queueLength: Number(r.queue_length),
    avgWaitMinutes: r.avg_wait === null ? null : Math.round(Number(r.avg_wait) * 10) / 10,
  }));
}
