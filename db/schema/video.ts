import 'server-only';
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { chatRequests } from './chats';

export const callRole = pgEnum('call_role', ['talent', 'recruiter', 'colleague']);

/** Colleagues of the recruiter's company who may join a 1-1 chat's call (added beforehand or on joining). */
export const chatParticipants = pgTable(
  'chat_participants',
  {
    chatId: uuid('chat_id').notNull().references(() => chatRequests.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    addedBy: text('added_by').references(() => users.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'chat_participants_pk', columns: [t.chatId, t.userId] }),
    index('chat_participants_added_by_idx').on(t.addedBy),
    index('chat_participants_user_idx').on(t.userId),
  ],
);

/**
 * One row per LiveKit participant session in a chat's room, from the webhooks. The session id
 * is unique, so a webhook delivered twice records nothing twice.
 */
export const chatAttendance = pgTable(
  'chat_attendance',
  {
    sessionId: text('session_id').primaryKey(),
    chatId: uuid('chat_id').notNull().references(() => chatRequests.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: callRole('role').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    index('chat_attendance_chat_idx').on(t.chatId, t.userId),
    check('chat_attendance_order', sql`${t.leftAt} IS NULL OR ${t.leftAt} >= ${t.joinedAt}`),
    index('chat_attendance_user_idx').on(t.userId),
  ],
);

/** Webhook deliveries already handled (LiveKit retries; its event id makes handling idempotent). */
export const livekitWebhookEvents = pgTable('livekit_webhook_events', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
