import 'server-only';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { files } from './files';
import { events } from './events';

/**
 * The kinds of things that have a text conversation. A new kind (session, breakout, desk
 * conversation) adds its value here and registers its resource in lib/resources.
 */
export const threadKind = pgEnum('thread_kind', ['chat', 'desk_conversation', 'session', 'breakout']);

/**
 * One text conversation, owned by one resource (`kind` + `owner_id`: a 1-1 chat, a session…).
 * `last_seq` numbers the messages: posting a message takes the next number under this row's
 * lock, so within a thread numbers follow commit order and a reader's cursor (`after`) never
 * skips a message that committed late.
 */
export const threads = pgTable(
  'threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: threadKind('kind').notNull(),
    ownerId: uuid('owner_id').notNull(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    lastSeq: integer('last_seq').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('threads_kind_owner_unique').on(t.kind, t.ownerId), index('threads_event_idx').on(t.eventId)],
);

/** Messages of every thread. A redacted message keeps its row (counts and times stay) without its body. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    // A shared file (db/schema/files.ts). Deleting the file (retention) keeps the message.
    attachmentId: uuid('attachment_id').references((): AnyPgColumn => files.id, { onDelete: 'set null' }),
    piiFlaggedAt: timestamp('pii_flagged_at', { withTimezone: true }),
    redactedAt: timestamp('redacted_at', { withTimezone: true }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('messages_thread_seq_unique').on(t.threadId, t.seq),
    // A message says something or carries a file, unless it was redacted.
    check('messages_body_length', sql`char_length(${t.body}) <= 4000 AND (char_length(${t.body}) >= 1 OR ${t.attachmentId} IS NOT NULL OR ${t.redactedAt} IS NOT NULL)`),
    index('messages_author_idx').on(t.authorId),
    index('messages_attachment_idx').on(t.attachmentId),
  ],
);
