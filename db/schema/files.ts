import 'server-only';
import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { threads } from './messages';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * Shared files, stored in PostgreSQL (the same on PGlite): at most 10 MB each, the type as its
 * content says (never as the uploader claims), served only to people who may read the thread.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id').notNull().references(() => threads.id, { onDelete: 'cascade' }),
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    type: text('type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('files_thread_idx').on(t.threadId),
    index('files_owner_idx').on(t.ownerId),
    check('files_size_range', sql`${t.size} BETWEEN 1 AND 10485760 AND octet_length(${t.data}) = ${t.size}`),
    check('files_name_length', sql`char_length(${t.name}) BETWEEN 1 AND 200`),
  ],
);
