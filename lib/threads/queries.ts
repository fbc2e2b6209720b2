import 'server-only';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { messages, threads, users } from '@/db/schema';
import { publishHints } from '@/lib/live/publish';
import { fitsHint, topics, type THint } from '@/lib/live/topics';
import { resourceOf } from '@/lib/resources';
import type { TResourceKind } from '@/lib/resources/types';

export type TThreadOwner = { kind: TResourceKind; ownerId: string; eventId: string };

/**
 * Writes a message without checking who writes it: for a domain's own use-case that already
 * checked (a desk's welcome message, a host's broadcast), inside its transaction. Creates the
 * thread on its first message. The upsert locks the thread row until commit, so sequence
 * numbers follow commit order (see db/schema/messages.ts).
 */
export async function appendMessage(
  tx: DbOrTx,
  owner: TThreadOwner,
  message: { authorId: string | null; body: string; attachmentId?: string | null },
): Promise<{ id: string; seq: number; threadId: string }> {
  const [thread] = await tx
    .insert(threads)
    .values({ kind: owner.kind, ownerId: owner.ownerId, eventId: owner.eventId, lastSeq: 1 })
    .onConflictDoUpdate({ target: [threads.kind, threads.ownerId], set: { lastSeq: sql`${threads.lastSeq} + 1` } })
    .returning({ id: threads.id, seq: threads.lastSeq });
  const [row] = await tx
    .insert(messages)
    .values({ threadId: thread!.id, seq: thread!.seq, authorId: message.authorId, body: message.body, attachmentId: message.attachmentId ?? null })
    .returning({ id: messages.id, createdAt: messages.createdAt });
  const topic = topics.thread(owner.kind, owner.ownerId);
  const hint: THint = { topic, ids: { seq: thread!.seq } };
  if (resourceOf(owner.kind).messagesInHints) {
    // The row as every reader would fetch it: a new message is neither hidden, flagged nor redacted.
    const [author] = message.authorId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, message.authorId)) : [];
    const data: Omit<TMessageRow, 'createdAt'> & { createdAt: string } = {
      id: row!.id,
      seq: thread!.seq,
      authorId: message.authorId,
      authorName: author?.name ?? null,
      body: message.body,
      attachmentId: message.attachmentId ?? null,
      createdAt: row!.createdAt.toISOString(),
      flagged: false,
      redacted: false,
      hidden: false,
    };
    if (fitsHint({ ...hint, data })) hint.data = data;
  }
  await publishHints(tx, [hint]);
  return { id: row!.id, seq: thread!.seq, threadId: thread!.id };
}

export type TMessageRow = {
  id: string;
  seq: number;
  authorId: string | null;
  authorName: string | null;
  body: string;
  attachmentId: string | null;
  createdAt: Date;
  flagged: boolean;
  redacted: boolean;
  hidden: boolean;
};

/** A thread's messages after a cursor (oldest first), or its newest `limit` without one. */
export async function selectMessages(db: DbOrTx, ref: { kind: TResourceKind; ownerId: string }, after: number | undefined, limit: number): Promise<TMessageRow[]> {
  const rows = await db
    .select({
      id: messages.id,
      seq: messages.seq,
      authorId: messages.authorId,
      authorName: users.name,
      body: messages.body,
      attachmentId: messages.attachmentId,
      createdAt: messages.createdAt,
      flagged: sql<boolean>`${messages.piiFlaggedAt} is not null`,
      redacted: sql<boolean>`${messages.redactedAt} is not null`,
      hidden: sql<boolean>`${messages.hiddenAt} is not null`,
    })
    .from(messages)
    .innerJoin(threads, eq(threads.id, messages.threadId))
    .leftJoin(users, eq(users.id, messages.authorId))
    .where(and(eq(threads.kind, ref.kind), eq(threads.ownerId, ref.ownerId), after === undefined ? undefined : gt(messages.seq, after)))
    .orderBy(after === undefined ? desc(messages.seq) : asc(messages.seq))
    .limit(limit);
  return after === undefined ? rows.reverse() : rows;
}

/** One message with the resource its thread belongs to. */
export async function loadMessage(db: DbOrTx, messageId: string) {
  const [row] = await db
    .select({ id: messages.id, seq: messages.seq, authorId: messages.authorId, kind: threads.kind, ownerId: threads.ownerId })
    .from(messages)
    .innerJoin(threads, eq(threads.id, messages.threadId))
    .where(eq(messages.id, messageId));
  return row;
}
