import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { preparedStatement, type DbOrTx } from '@/db/client';
import { outbox } from '@/db/schema';
import { env } from '@/lib/env';
import { publishHints } from '@/lib/live/publish';
import { topics, type THint, type TTopic } from '@/lib/live/topics';
import { isReservedAddress } from './reserved-address';

export type TMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind: string;
  eventId?: string | null;
  attachments?: { filename: string; contentType: string; content: string }[];
};

/** Stores a mail in the outbox (inside the caller's transaction); returns its id. Pass the id to
 * deliverLater (lib/mail/deliver-mail) in the same transaction to send it over SMTP. */
export async function queueMail(tx: DbOrTx, mail: TMail): Promise<string> {
  const [id] = await queueMails(tx, [mail]);
  await publishHints(tx, outboxHints([mail], { id: id! }));
  return id!;
}

/** The outbox hints for new mails: each goes only to topics whose followers may read it. */
export function outboxHints(mails: Pick<TMail, 'to' | 'eventId'>[], ids?: THint['ids']): THint[] {
  if (mails.length === 0) return [];
  const found = new Set<TTopic>([topics.outbox]);
  for (const m of mails) {
    if (m.eventId) found.add(topics.outboxOfEvent(m.eventId));
    if (isReservedAddress(m.to)) found.add(topics.outboxReserved);
  }
  return [...found].map((topic) => (ids ? { topic, ids } : { topic }));
}

// Rows travel as one JSON array, so the statement text is the same for any count and stays prepared.
const insertMails = preparedStatement(
  'outbox_insert',
  sql`insert into ${outbox} (id, to_email, subject, text, html, kind, event_id, attachments)
      select id, to_email, subject, text, html, kind, event_id, attachments
      from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb)
        as m(id uuid, to_email text, subject text, text text, html text, kind text, event_id uuid, attachments jsonb)`,
);

/**
 * Stores several mails in one statement; returns their ids (the outbox hint is the caller's).
 * The ids are chosen here, so nothing waits on the insert to learn them.
 */
export async function queueMails(tx: DbOrTx, mails: TMail[]): Promise<string[]> {
  if (mails.length === 0) return [];
  const rows = mails.map((m) => ({
    id: randomUUID(),
    to_email: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html ?? null,
    kind: m.kind,
    event_id: m.eventId ?? null,
    attachments: m.attachments ?? [],
  }));
  await insertMails(tx, { rows: JSON.stringify(rows) });
  return rows.map((r) => r.id);
}
