import 'server-only';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { companies } from './companies';
import { dayMode, eventDays, events } from './events';

export const bookingMode = pgEnum('booking_mode', ['direct', 'selective']);
export const chatInitiator = pgEnum('chat_initiator', ['talent', 'recruiter']);
export const chatStatus = pgEnum('chat_status', [
  'pending',
  'accepted',
  'confirmed',
  'declined',
  'withdrawn',
  'cancelled',
  'completed',
]);
export const creditKind = pgEnum('credit_kind', ['talent', 'recruiter']);

/** A recruiter's 1-1 chat profile in one event: how talents reach them, and whether they are open. */
export const recruiterChatSettings = pgTable(
  'recruiter_chat_settings',
  {
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    recruiterId: text('recruiter_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    bookingMode: bookingMode('booking_mode').notNull().default('selective'),
    background: text('background').notNull().default(''),
    experienceLevel: text('experience_level').notNull().default(''),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    topics: text('topics').notNull().default(''),
    customQuestion: text('custom_question').notNull().default(''),
    // Talents see the recruiter only once availability is confirmed.
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'recruiter_chat_settings_pk', columns: [t.eventId, t.recruiterId] }),
    index('recruiter_chat_settings_recruiter_idx').on(t.recruiterId),
  ],
);

/** Per recruiter and event day: the one chat duration they chose, and virtual or in person. */
export const availability = pgTable(
  'availability',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventDayId: uuid('event_day_id').notNull().references(() => eventDays.id, { onDelete: 'cascade' }),
    recruiterId: text('recruiter_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    durationMinutes: integer('duration_minutes').notNull(),
    mode: dayMode('mode').notNull().default('virtual'),
  },
  (t) => [
    unique('availability_day_recruiter_unique').on(t.eventDayId, t.recruiterId),
    check('availability_duration_positive', sql`${t.durationMinutes} > 0`),
    index('availability_recruiter_idx').on(t.recruiterId),
  ],
);

/**
 * Bookable time of a recruiter. Never overlapping per recruiter: an EXCLUDE constraint in
 * migration 0003 (drizzle cannot express it).
 */
export const slots = pgTable(
  'slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    eventDayId: uuid('event_day_id').notNull().references(() => eventDays.id, { onDelete: 'cascade' }),
    recruiterId: text('recruiter_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('slots_order', sql`${t.endsAt} > ${t.startsAt}`),
    index('slots_recruiter_idx').on(t.recruiterId, t.startsAt),
    index('slots_event_idx').on(t.eventId, t.startsAt),
    index('slots_event_day_idx').on(t.eventDayId),
  ],
);

/**
 * A 1-1 chat from first request to completion. Open-pair uniqueness, one live chat per slot
 * and no overlapping live chats per talent are partial indexes and an EXCLUDE constraint in
 * migration 0003; the allowed status changes are checked by a trigger there too.
 */
export const chatRequests = pgTable(
  'chat_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id').notNull().references(() => companies.id, { onDelete: 'cascade' }),
    talentId: text('talent_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    recruiterId: text('recruiter_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    initiatedBy: chatInitiator('initiated_by').notNull(),
    // The person who pressed send: the talent, the recruiter, or a colleague on their behalf.
    sentBy: text('sent_by').notNull().references(() => users.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    answer: text('answer').notNull().default(''),
    status: chatStatus('status').notNull(),
    // A live chat holds its slot; the times are copied so history survives slot edits.
    slotId: uuid('slot_id').references(() => slots.id, { onDelete: 'restrict' }),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    declineMessage: text('decline_message'),
    suggestedRecruiterId: text('suggested_recruiter_id').references(() => users.id, { onDelete: 'set null' }),
    cancelReason: text('cancel_reason'),
    cancelledBy: text('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
    // iCalendar SEQUENCE: grows with every reschedule or cancellation of the same UID.
    icsSequence: integer('ics_sequence').notNull().default(0),
    // Set when a video chat completes: true if that side never joined within the grace period.
    talentNoShow: boolean('talent_no_show'),
    recruiterNoShow: boolean('recruiter_no_show'),
    // Private to the recruiter's company; written after the chat.
    recruiterNote: text('recruiter_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'chat_requests_live_has_time',
      sql`${t.status} NOT IN ('confirmed', 'completed') OR (${t.startsAt} IS NOT NULL AND ${t.endsAt} IS NOT NULL)`,
    ),
    check('chat_requests_confirmed_has_slot', sql`${t.status} <> 'confirmed' OR ${t.slotId} IS NOT NULL`),
    check('chat_requests_time_order', sql`${t.endsAt} IS NULL OR ${t.endsAt} > ${t.startsAt}`),
    // Nobody chats with themselves (a recruiter registered as a talent in their own event).
    check('chat_requests_not_with_self', sql`${t.talentId} <> ${t.recruiterId}`),
    index('chat_requests_talent_idx').on(t.eventId, t.talentId, t.status),
    index('chat_requests_recruiter_idx').on(t.eventId, t.recruiterId, t.status),
    index('chat_requests_company_idx').on(t.eventId, t.companyId, t.status),
    index('chat_requests_cancelled_by_idx').on(t.cancelledBy),
    index('chat_requests_company_fk_idx').on(t.companyId),
    index('chat_requests_recruiter_fk_idx').on(t.recruiterId),
    index('chat_requests_sent_by_idx').on(t.sentBy),
    index('chat_requests_suggested_recruiter_idx').on(t.suggestedRecruiterId),
    index('chat_requests_slot_idx').on(t.slotId),
    index('chat_requests_completion_due_idx').on(t.endsAt).where(sql`${t.status} = 'confirmed'`),
  ],
);

/** Credits per person and event: a checked counter, so no concurrency can overspend. */
export const creditAccounts = pgTable(
  'credit_accounts',
  {
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: creditKind('kind').notNull(),
    granted: integer('granted').notNull(),
    spent: integer('spent').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'credit_accounts_pk', columns: [t.eventId, t.userId, t.kind] }),
    check('credit_accounts_not_overspent', sql`${t.spent} >= 0 AND ${t.spent} <= ${t.granted}`),
    index('credit_accounts_user_idx').on(t.userId),
  ],
);

/** Every spend and refund, for the person's history and the organizer's reports. */
export const creditLedger = pgTable(
  'credit_ledger',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    kind: creditKind('kind').notNull(),
    delta: integer('delta').notNull(),
    reason: text('reason').notNull(),
    requestId: uuid('request_id').references(() => chatRequests.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('credit_ledger_user_idx').on(t.eventId, t.userId),
    // One credit per row, spent or given back; the balance trigger of migration 0011 ties the rows to the account.
    check('credit_ledger_one_credit', sql`${t.delta} IN (-1, 1)`),
    index('credit_ledger_request_idx').on(t.requestId),
    index('credit_ledger_user_fk_idx').on(t.userId),
  ],
);
