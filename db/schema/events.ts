import 'server-only';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { companies } from './companies';

export const eventStatus = pgEnum('event_status', ['draft', 'published', 'live', 'ended']);
export const chatInitiation = pgEnum('chat_initiation', ['talents', 'recruiters', 'both']);
export const dayMode = pgEnum('day_mode', ['virtual', 'in_person']);
export const registrationRole = pgEnum('registration_role', [
  'talent',
  'recruiter',
  'organizer',
  'moderator',
]);

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique('events_slug_unique'),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    // IANA zone; validated against Intl's list on the way in (PostgreSQL cannot CHECK it immutably).
    timeZone: text('time_zone').notNull(),
    status: eventStatus('status').notNull().default('draft'),
    chatInitiation: chatInitiation('chat_initiation').notNull().default('both'),
    talentRequestCredits: integer('talent_request_credits').notNull().default(5),
    // null: recruiters are not limited
    recruiterRequestCredits: integer('recruiter_request_credits'),
    // Video chats: Join opens this long before the start; a side absent this long after it is a no-show.
    joinOpensMinutesBefore: integer('join_opens_minutes_before').notNull().default(5),
    noShowGraceMinutes: integer('no_show_grace_minutes').notNull().default(10),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('events_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('events_talent_credits_nonneg', sql`${t.talentRequestCredits} >= 0`),
    check('events_join_window_range', sql`${t.joinOpensMinutesBefore} BETWEEN 0 AND 60`),
    check('events_no_show_grace_range', sql`${t.noShowGraceMinutes} BETWEEN 1 AND 60`),
    check(
      'events_recruiter_credits_nonneg',
      sql`${t.recruiterRequestCredits} IS NULL OR ${t.recruiterRequestCredits} >= 0`,
    ),
    index('events_created_by_idx').on(t.createdBy),
  ],
);

// Opening hours are wall-clock times in the event's zone, not instants: an organizer who
// corrects the event's zone means "9:00 there", so instants are derived when needed.
export const eventDays = pgTable(
  'event_days',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    mode: dayMode('mode').notNull().default('virtual'),
    // Hybrid day: each recruiter picks virtual or in person; `mode` is then only the default.
    recruitersChooseMode: boolean('recruiters_choose_mode').notNull().default(false),
    opensAt: time('opens_at').notNull(),
    closesAt: time('closes_at').notNull(),
    chatDurations: integer('chat_durations').array().notNull(),
    // Where in-person chats take place (a hall, a booth): shown in chat mails and the .ics LOCATION.
    location: text('location'),
  },
  (t) => [
    unique('event_days_event_date_unique').on(t.eventId, t.date),
    check('event_days_location_length', sql`char_length(${t.location}) <= 200`),
    check('event_days_hours_order', sql`${t.closesAt} > ${t.opensAt}`),
    check('event_days_durations_nonempty', sql`cardinality(${t.chatDurations}) > 0`),
    check(
      'event_days_durations_range',
      sql`${t.chatDurations} <@ ARRAY[5,10,15,20,25,30,45,60]::integer[]`,
    ),
  ],
);

export const eventCompanies = pgTable(
  'event_companies',
  {
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id').notNull().references(() => companies.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'event_companies_pk', columns: [t.eventId, t.companyId] }),
    index('event_companies_company_idx').on(t.companyId),
  ],
);

export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull().references(() => events.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: registrationRole('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('registrations_event_user_role_unique').on(t.eventId, t.userId, t.role),
    index('registrations_user_idx').on(t.userId),
  ],
);
