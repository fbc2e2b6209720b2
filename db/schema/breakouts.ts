import 'server-only';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { eventSessions } from './sessions';

export const breakoutRoundStatus = pgEnum('breakout_round_status', ['draft', 'open', 'closed']);
export const breakoutAssignmentMode = pgEnum('breakout_assignment_mode', ['auto_present', 'auto_registered', 'manual', 'choose']);

/**
 * One split of a session's audience into breakout rooms. At most one round per session is not
 * closed (partial unique index), so two hosts creating rooms at once leave exactly one round.
 * Its status moves draft → open → closed (or draft → closed) and nothing else: a trigger in the
 * migration refuses any other change.
 */
export const breakoutRounds = pgTable(
  'breakout_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').notNull().references(() => eventSessions.id, { onDelete: 'cascade' }),
    status: breakoutRoundStatus('status').notNull().default('draft'),
    assignment: breakoutAssignmentMode('assignment').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    // The timer: a job closes the round once this has passed (extending moves it).
    endsAt: timestamp('ends_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('breakout_rounds_one_live_unique').on(t.sessionId).where(sql`${t.status} <> 'closed'`),
    check('breakout_rounds_open_has_timer', sql`${t.status} = 'draft' OR (${t.status} = 'closed' AND ${t.openedAt} IS NULL) OR (${t.openedAt} IS NOT NULL AND ${t.endsAt} > ${t.openedAt})`),
    check('breakout_rounds_closed_at', sql`(${t.status} = 'closed') = (${t.closedAt} IS NOT NULL)`),
    // The target of breakout_rooms_round_session_fk: a room belongs to its round's session.
    unique('breakout_rounds_id_session_unique').on(t.id, t.sessionId),
    index('breakout_rounds_session_idx').on(t.sessionId, t.createdAt),
    index('breakout_rounds_created_by_idx').on(t.createdBy),
  ],
);

/** A breakout room: its own LiveKit room (`breakout-<id>`) and its own chat thread. */
export const breakoutRooms = pgTable(
  'breakout_rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull().references(() => breakoutRounds.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').notNull().references(() => eventSessions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    unique('breakout_rooms_round_position_unique').on(t.roundId, t.position),
    unique('breakout_rooms_round_name_unique').on(t.roundId, t.name),
    // The target of (room, round) foreign keys: an assignment or a call names a room of its own round.
    unique('breakout_rooms_id_round_unique').on(t.id, t.roundId),
    check('breakout_rooms_position_range', sql`${t.position} BETWEEN 1 AND 50`),
    check('breakout_rooms_name_length', sql`char_length(${t.name}) BETWEEN 1 AND 60`),
    // Who may enter a room is read from its session_id (lib/breakouts/resource.ts): it must be
    // its round's session, or a room could name one session and hand out another's.
    foreignKey({ name: 'breakout_rooms_round_session_fk', columns: [t.roundId, t.sessionId], foreignColumns: [breakoutRounds.id, breakoutRounds.sessionId] }).onDelete('cascade'),
    index('breakout_rooms_session_idx').on(t.sessionId),
  ],
);

/**
 * Who is in which room. The primary key (round, person) is the rule "one assignment per person
 * per round": moving someone is one UPDATE of this row, back to the main call one DELETE. The
 * (room, round) foreign key keeps a person out of another round's rooms; a trigger refuses any
 * change once the round is closed.
 */
export const breakoutAssignments = pgTable(
  'breakout_assignments',
  {
    roundId: uuid('round_id').notNull().references(() => breakoutRounds.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id').notNull(),
    assignedBy: text('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'breakout_assignments_pk', columns: [t.roundId, t.userId] }),
    foreignKey({ name: 'breakout_assignments_room_fk', columns: [t.roomId, t.roundId], foreignColumns: [breakoutRooms.id, breakoutRooms.roundId] }).onDelete('cascade'),
    index('breakout_assignments_room_idx').on(t.roomId),
    index('breakout_assignments_user_idx').on(t.userId),
    index('breakout_assignments_assigned_by_idx').on(t.assignedBy),
  ],
);

/** A host's message to every room: a banner, and a message in each room's thread. */
export const breakoutBroadcasts = pgTable(
  'breakout_broadcasts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull().references(() => breakoutRounds.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('breakout_broadcasts_body_length', sql`char_length(${t.body}) BETWEEN 1 AND 500`),
    index('breakout_broadcasts_round_idx').on(t.roundId, t.createdAt),
    index('breakout_broadcasts_author_idx').on(t.authorId),
  ],
);

/** "Call the host" from a room: shown to every host until one answers. One open call per person per round. */
export const breakoutHostCalls = pgTable(
  'breakout_host_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').notNull().references(() => breakoutRounds.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id').notNull(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: text('answered_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    foreignKey({ name: 'breakout_host_calls_room_fk', columns: [t.roomId, t.roundId], foreignColumns: [breakoutRooms.id, breakoutRooms.roundId] }).onDelete('cascade'),
    uniqueIndex('breakout_host_calls_open_unique').on(t.roundId, t.userId).where(sql`${t.answeredAt} IS NULL`),
    index('breakout_host_calls_round_idx').on(t.roundId, t.createdAt),
    index('breakout_host_calls_room_idx').on(t.roomId),
    index('breakout_host_calls_user_idx').on(t.userId),
    index('breakout_host_calls_answered_by_idx').on(t.answeredBy),
  ],
);

/** Who was connected to a breakout room, from LiveKit's webhooks (idempotent by participant sid), like session_attendance. */
export const breakoutAttendance = pgTable(
  'breakout_attendance',
  {
    participantSid: text('participant_sid').primaryKey(),
    roomId: uuid('room_id').notNull().references(() => breakoutRooms.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    check('breakout_attendance_order', sql`${t.leftAt} IS NULL OR ${t.leftAt} >= ${t.joinedAt}`),
    index('breakout_attendance_room_idx').on(t.roomId, t.userId),
    index('breakout_attendance_user_idx').on(t.userId),
  ],
);
