import 'server-only';
import { sql } from 'drizzle-orm';
import {
  bigserial,
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
import { events } from './events';

export const sessionKind = pgEnum('session_kind', ['workshop', 'presentation', 'coffee_chat']);
export const sessionRegistrationStatus = pgEnum('session_registration_status', ['registered', 'waitlisted', 'cancelled']);
export const stageRequestStatus = pgEnum('stage_request_status', ['pending', 'accepted', 'declined', 'withdrawn', 'ready', 'left']);

/**
 * A workshop, company presentation or coffee chat on a stage. Two checked counters keep the
 * limits under any concurrency: `seats_taken` (registered people, never above `capacity`) and
 * `stage_taken` (audience members accepted onto the stage, never above `stage_limit`). Each is
 * changed only by a conditional UPDATE of this row, which also serialises the writers.
 */
export const eventSessions = pgTable(
  'event_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id').references(() => companies.id, { onDelete: 'set null' }),
    kind: sessionKind('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    // null: open to all, no seat limit.
    capacity: integer('capacity'),
    signUpRequired: boolean('sign_up_required').notNull().default(false),
    /** New questions wait for a host's approval before the audience sees them. */
    questionsNeedApproval: boolean('questions_need_approval').notNull().default(false),
    // Audience members on screen at once (hosts are always on screen and not counted).
    stageLimit: integer('stage_limit').notNull().default(4),
    // The organizer's maximum of breakout rooms per round (lib/breakouts).
    breakoutRoomLimit: integer('breakout_room_limit').notNull().default(10),
    seatsTaken: integer('seats_taken').notNull().default(0),
    stageTaken: integer('stage_taken').notNull().default(0),
    // iCalendar SEQUENCE: grows with every change of time and with the cancellation.
    icsSequence: integer('ics_sequence').notNull().default(0),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('event_sessions_time_order', sql`${t.endsAt} > ${t.startsAt}`),
    check('event_sessions_duration_range', sql`${t.endsAt} - ${t.startsAt} BETWEEN interval '30 minutes' AND interval '2 hours'`),
    check('event_sessions_capacity_positive', sql`${t.capacity} IS NULL OR ${t.capacity} > 0`),
    check('event_sessions_stage_limit_range', sql`${t.stageLimit} BETWEEN 0 AND 12`),
    check('event_sessions_breakout_room_limit_range', sql`${t.breakoutRoomLimit} BETWEEN 1 AND 50`),
    check('event_sessions_seats_within_capacity', sql`${t.seatsTaken} >= 0 AND (${t.capacity} IS NULL OR ${t.seatsTaken} <= ${t.capacity})`),
    check('event_sessions_stage_within_limit', sql`${t.stageTaken} >= 0 AND ${t.stageTaken} <= ${t.stageLimit}`),
    check('event_sessions_title_length', sql`char_length(${t.title}) BETWEEN 1 AND 140`),
    index('event_sessions_event_idx').on(t.eventId, t.startsAt),
    index('event_sessions_company_idx').on(t.companyId, t.startsAt),
    index('event_sessions_created_by_idx').on(t.createdBy),
  ],
);

export const sessionHosts = pgTable(
  'session_hosts',
  {
    sessionId: uuid('session_id').notNull().references(() => eventSessions.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ name: 'session_hosts_pk', columns: [t.sessionId, t.userId] }), index('session_hosts_user_idx').on(t.userId)],
);

/**
 * One row per person and session; a cancelled row comes back to life on a new sign-up. The
 * waitlist order is `queued_seq` (taken from a sequence when the person joins the waitlist), so
 * positions are derived and never need renumbering.
 */
export const sessionRegistrations = pgTable(
  'session_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => eventSessions.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    status: sessionRegistrationStatus('status').notNull(),
    queuedSeq: bigserial('queued_seq', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('session_registrations_session_user_unique').on(t.sessionId, t.userId),
    index('session_registrations_queue_idx').on(t.sessionId, t.status, t.queuedSeq),
    index('session_registrations_user_idx').on(t.userId, t.status),
  ],
);

/**
 * An audience member's wish to come on screen, from request to leaving the stage. One open
 * request per person and session (partial unique index) and the allowed status changes (a
 * trigger) are in the custom migration; the on-screen limit is `event_sessions.stage_taken`.
 */
export const stageRequests = pgTable(
  'stage_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => eventSessions.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    status: stageRequestStatus('status').notNull().default('pending'),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('stage_requests_session_idx').on(t.sessionId, t.status, t.createdAt),
    index('stage_requests_decided_by_idx').on(t.decidedBy),
    index('stage_requests_user_idx').on(t.userId),
  ],
);

/** Q&A. `votes` is kept equal to the rows in question_votes by a trigger (custom migration). */
export const questions = pgTable(
  'questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => eventSessions.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    votes: integer('votes').notNull().default(0),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    pinnedAt: timestamp('pinned_at', { withTimezone: true }),
    /** Null while it waits for approval (its author and the hosts see it); the vote trigger refuses votes then. */
    approvedAt: timestamp('approved_at', { withTimezone: true }).defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('questions_body_length', sql`char_length(${t.body}) BETWEEN 1 AND 500`),
    check('questions_votes_nonneg', sql`${t.votes} >= 0`),
    index('questions_session_idx').on(t.sessionId, t.createdAt),
    index('questions_author_idx').on(t.authorId),
  ],
);

export const questionVotes = pgTable(
  'question_votes',
  {
    questionId: uuid('question_id').notNull().references(() => questions.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'question_votes_pk', columns: [t.questionId, t.userId] }),
    index('question_votes_user_idx').on(t.userId),
  ],
);

/**
 * One row per LiveKit participant session in a session's room, from the webhooks (the
 * participant sid is unique, so a webhook delivered twice records nothing twice). People
 * "in the audience" are those with an open row.
 */
export const sessionAttendance = pgTable(
  'session_attendance',
  {
    participantSid: text('participant_sid').primaryKey(),
    sessionId: uuid('session_id').notNull().references(() => eventSessions.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    index('session_attendance_session_idx').on(t.sessionId, t.userId),
    check('session_attendance_order', sql`${t.leftAt} IS NULL OR ${t.leftAt} >= ${t.joinedAt}`),
    index('session_attendance_user_idx').on(t.userId),
  ],
);
