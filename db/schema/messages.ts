import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { chatRequests } from './chats';

/**
 * Messages of every kind of chat. Each belongs to exactly one owner column; sessions and desks
 * add theirs (and widen the check) when they arrive.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chatId: uuid('chat_id').references(() => chatRequests.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('messages_one_owner', sql`num_nonnulls(${t.chatId}) = 1`),
    check('messages_body_length', sql`char_length(${t.body}) BETWEEN 1 AND 2000`),
    index('messages_chat_idx').on(t.chatId, t.createdAt),
  ],
);
