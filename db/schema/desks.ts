import 'server-only';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { companies } from './companies';
import { events } from './events';

/**
 * A chat desk: moderated 1-2-1 text conversations with a queue. Opening hours are instants
 * (the form reads them in the event's zone); a desk belongs to the event, or to one of its
 * companies when a company runs it.
 */
export const desks = pgTable(
  'desks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    welcomeMessage: text('welcome_message').notNull().default(''),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    limitPerModerator: integer('limit_per_moderator').notNull().default(3),
    // Days after the event's end before the conversations are anonymised.
    retentionDays: integer('retention_days').notNull().default(30),
    filesAllowed: boolean('files_allowed').notNull().default(false),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('desks_event_idx').on(t.eventId, t.opensAt),
    check('desks_name_length', sql`char_length(${t.name}) BETWEEN 1 AND 80`),
    check('desks_hours_order', sql`${t.closesAt} > ${t.opensAt}`),
    check('desks_limit_range', sql`${t.limitPerModerator} BETWEEN 1 AND 20`),
    check('desks_retention_range', sql`${t.retentionDays} BETWEEN 0 AND 3650`),
    index('desks_company_idx').on(t.companyId),
    index('desks_created_by_idx').on(t.createdBy),
  ],
);

/**
 * Who moderates a desk. `open_count` is the number of open conversations assigned to them,
 * kept by a trigger on conversations that refuses to raise it past the desk's limit — so the
 * limit holds whatever the code above does (see the desk invariants migration).
 */
export const deskModerators = pgTable(
  'desk_moderators',
  {
    deskId: uuid('desk_id').notNull().references(() => desks.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    openCount: integer('open_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'desk_moderators_pk', columns: [t.deskId, t.userId] }),
    index('desk_moderators_user_idx').on(t.userId),
    check('desk_moderators_open_count_nonneg', sql`${t.openCount} >= 0`),
  ],
);

export const conversationStatus = pgEnum('conversation_status', ['queued', 'open', 'closed', 'hard_closed']);

/**
 * One participant's visit to a desk. Queue order is (queued_at, id); a position is derived,
 * never stored. After anonymisation participant_id is null and `pseudonym` names them.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deskId: uuid('desk_id').notNull().references(() => desks.id, { onDelete: 'cascade' }),
    participantId: text('participant_id').references(() => users.id, { onDelete: 'set null' }),
    pseudonym: text('pseudonym'),
    status: conversationStatus('status').notNull().default('queued'),
    assignedTo: text('assigned_to'),
    confidential: boolean('confidential').notNull().default(false),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    admittedAt: timestamp('admitted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // First time in the queue (queued_at moves when a closed conversation re-opens).
    firstQueuedAt: timestamp('first_queued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // An assignee is a moderator of this desk; a moderator with conversations cannot be removed.
    foreignKey({
      name: 'conversations_assignee_fk',
      columns: [t.deskId, t.assignedTo],
      foreignColumns: [deskModerators.deskId, deskModerators.userId],
    }),
    index('conversations_queue_idx').on(t.deskId, t.status, t.queuedAt, t.id),
    index('conversations_participant_idx').on(t.participantId),
    check('conversations_open_assigned', sql`${t.status} <> 'open' OR ${t.assignedTo} IS NOT NULL`),
    check('conversations_confidential_one_moderator', sql`NOT ${t.confidential} OR ${t.assignedTo} IS NOT NULL`),
  ],
);

/** Tags are per desk and remembered, so moderators get suggestions from earlier ones. */
export const deskTags = pgTable(
  'desk_tags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deskId: uuid('desk_id').notNull().references(() => desks.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('desk_tags_desk_name_unique').on(t.deskId, sql`lower(${t.name})`),
    check('desk_tags_name_length', sql`char_length(${t.name}) BETWEEN 1 AND 40`),
  ],
);

export const conversationTags = pgTable(
  'conversation_tags',
  {
    conversationId: uuid('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    tagId: uuid('tag_id').notNull().references(() => deskTags.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'conversation_tags_pk', columns: [t.conversationId, t.tagId] }), index('conversation_tags_tag_idx').on(t.tagId)],
);

/**
 * Kept apart from conversations on purpose: heartbeats and "seen" marks are frequent writes,
 * and a write to a queued conversation row would hold the lock the admission claim skips.
 * - participant_until: the participant's page is open while this lies in the future.
 */
export const conversationPresence = pgTable('conversation_presence', {
  conversationId: uuid('conversation_id').primaryKey().references(() => conversations.id, { onDelete: 'cascade' }),
  participantUntil: timestamp('participant_until', { withTimezone: true }).notNull(),
});

/** When each moderator last opened a conversation: newer participant activity highlights it. */
export const conversationReads = pgTable(
  'conversation_reads',
  {
    conversationId: uuid('conversation_id').notNull().references(() => conversations.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'conversation_reads_pk', columns: [t.conversationId, t.userId] }),
    index('conversation_reads_user_idx').on(t.userId),
  ],
);
