import 'server-only';
import { sql } from 'drizzle-orm';
import { executeRows, type Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { z } from 'zod';
import { requireDeskManager } from './permissions';
import { loadDesk } from './queries';

const ZReportInput = z.object({ deskId: z.uuid('Unknown desk'), transcript: z.boolean().default(false) });

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: unknown[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

type TReportRow = {
  id: string;
  participant: string | null;
  status: string;
  queued_at: Date | string;
  admitted_at: Date | string | null;
  closed_at: Date | string | null;
  wait_minutes: number | string | null;
  moderator: string | null;
  tags: string | null;
  participant_messages: number | string;
  moderator_messages: number | string;
};

/**
 * The desk report for its managers: one row per conversation — times, wait, moderator, tags
 * and message counts; message bodies only in the transcript export, which is asked for
 * separately. Every download is in the audit log. Confidential conversations are left out for
 * everyone but their moderator (the same rule as every list).
 */
export async function deskReport(db: Db, actor: TActor | null, input: unknown): Promise<{ filename: string; csv: string }> {
  const { deskId, transcript } = parseInput(ZReportInput, input);
  const { desk } = await loadDesk(db, deskId);
  await requireDeskManager(db, actor, desk);
  const me = actor!.id;
  const visible = sql`(not c.confidential or c.assigned_to = ${me})`;
  const base = `${desk.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'desk'}`;
  let csv: string;
  if (!transcript) {
    const rows = await executeRows<TReportRow>(
      db,
      sql`select c.id, coalesce(p.name, c.pseudonym) as participant, c.status, c.first_queued_at as queued_at, c.admitted_at, c.closed_at,
            round((extract(epoch from (c.admitted_at - c.queued_at)) / 60)::numeric, 1) as wait_minutes, m.name as moderator,
            (select string_agg(t.name, '; ' order by t.name) from conversation_tags ct join desk_tags t on t.id = ct.tag_id where ct.conversation_id = c.id) as tags,
            (select count(*) from messages x join threads th on th.id = x.thread_id where th.kind = 'desk_conversation' and th.owner_id = c.id
               and (x.author_id is null or x.author_id not in (select user_id from desk_moderators where desk_id = c.desk_id))) as participant_messages,
            (select count(*) from messages x join threads th on th.id = x.thread_id where th.kind = 'desk_conversation' and th.owner_id = c.id
               and x.author_id in (select user_id from desk_moderators where desk_id = c.desk_id)) as moderator_messages
          from conversations c left join users p on p.id = c.participant_id left join users m on m.id = c.assigned_to
          where c.desk_id = ${deskId} and ${visible} order by c.first_queued_at, c.id`,
    );
    csv = toCsv([
      ['conversation', 'desk', 'participant', 'status', 'queued_at', 'admitted_at', 'closed_at', 'wait_minutes', 'moderator', 'tags', 'participant_messages', 'moderator_messages'],
      ...rows.map((r) => [r.id, desk.name, r.participant, r.status, r.queued_at, r.admitted_at, r.closed_at, r.wait_minutes, r.moderator, r.tags, r.participant_messages, r.moderator_messages].map((v) => (v instanceof Date ? v.toISOString() : v))),
    ]);
  } else {
    const rows = await executeRows<{ id: string; seq: number; created_at: Date | string; author: string | null; body: string; redacted: boolean }>(
      db,
      sql`select c.id, x.seq, x.created_at, coalesce(a.name, case when x.author_id is null then c.pseudonym end) as author, x.body, x.redacted_at is not null as redacted
          from conversations c join threads th on th.kind = 'desk_conversation' and th.owner_id = c.id join messages x on x.thread_id = th.id
          left join users a on a.id = x.author_id
          where c.desk_id = ${deskId} and ${visible} order by c.first_queued_at, c.id, x.seq`,
    );
    csv = toCsv([['conversation', 'seq', 'sent_at', 'author', 'message'], ...rows.map((r) => [r.id, r.seq, new Date(r.created_at).toISOString(), r.author, r.redacted ? '[redacted]' : r.body])]);
  }
  await recordAudit(db, {
    eventId: desk.eventId,
    actorId: me,
    action: transcript ? 'desk.transcript_downloaded' : 'desk.report_downloaded',
    targetType: 'desk',
    targetId: deskId,
  });
  return { filename: `${base}-${transcript ? 'transcript' : 'report'}.csv`, csv };
}
