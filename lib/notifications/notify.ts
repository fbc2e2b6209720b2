import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { preparedStatement, type DbOrTx } from '@/db/client';
import { notifications } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics, type THint } from '@/lib/live/topics';

export type TNotice = { id?: string; userId: string; eventId?: string | null; kind: string; title: string; body?: string; href?: string };

// Rows travel as one JSON array, so the statement text is the same for any count and stays prepared.
const insertNotices = preparedStatement(
  'notifications_insert',
  sql`insert into ${notifications} (id, user_id, event_id, kind, title, body, href)
      select id, user_id, event_id, kind, title, coalesce(body, ''), href
      from jsonb_to_recordset(${sql.placeholder('rows')}::jsonb)
        as n(id uuid, user_id text, event_id uuid, kind text, title text, body text, href text)`,
);

/** The hint that tells a user's browsers about a new notification. */
export function noticeHint(n: { id: string; userId: string }): THint {
  return { topic: topics.user(n.userId), ids: { notification: n.id } };
}

export async function notify(tx: DbOrTx, n: TNotice): Promise<void> {
  const [hint] = await notifyMany(tx, [n]);
  await publishHint(tx, hint!.topic, hint!.ids);
}

/**
 * Stores several notifications in one statement; returns the hints for the caller to publish.
 * A caller that passes ids knows the hints before the insert returns, so it can send the
 * insert and the hints together.
 */
export async function notifyMany(tx: DbOrTx, list: TNotice[]): Promise<THint[]> {
  if (list.length === 0) return [];
  const rows = list.map((n) => ({ ...n, id: n.id ?? randomUUID() }));
  await insertNotices(tx, {
    rows: JSON.stringify(rows.map((n) => ({ id: n.id, user_id: n.userId, event_id: n.eventId ?? null, kind: n.kind, title: n.title, body: n.body, href: n.href ?? null }))),
  });
  return rows.map(noticeHint);
}
