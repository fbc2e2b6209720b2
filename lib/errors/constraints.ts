import type { TErrorCode } from './app-error';

/** What a violated constraint means to the person who hit it. `field` names the form field. */
export type TConstraintRule = { code: TErrorCode; message: string; field?: string };

/**
 * Every named constraint of the schema that a person can run into, per domain, with the
 * domain error it becomes. A foreign key has two sides: `missing` when a write refers to a
 * row that was removed meanwhile (23503 on insert/update), `inUse` when a delete hits rows
 * that still refer to it (23503 NO ACTION, 23001 RESTRICT).
 *
 * Add a line here with every UNIQUE, EXCLUDE or CHECK constraint and every foreign key a race
 * can reach; tests/integration/error-registry.test.ts fails for a UNIQUE, EXCLUDE or CHECK
 * constraint of the database that is not listed.
 */
export type TConstraintEntry = TConstraintRule | { missing?: TConstraintRule; inUse?: TConstraintRule };

const invalid = (message: string, field?: string): TConstraintRule => ({ code: 'invalid_input', message, ...(field ? { field } : {}) });
const conflict = (message: string, field?: string): TConstraintRule => ({ code: 'conflict', message, ...(field ? { field } : {}) });

export const CONSTRAINTS: Record<string, TConstraintEntry> = {
  // accounts and profiles
  users_email_unique: conflict('Another account already uses this e-mail address.', 'email'),
  profiles_headline_len: invalid('Keep the headline under 140 characters.', 'headline'),
  profiles_bio_len: invalid('Keep the bio under 4000 characters.', 'bio'),

  // companies
  companies_slug_unique: conflict('That company address is taken — choose another.', 'slug'),
  companies_slug_format: invalid('A company address uses lowercase letters, digits and single dashes.', 'slug'),

  // events
  events_slug_unique: conflict('That address is already used by another event — choose another.', 'slug'),
  events_slug_format: invalid('An event address uses lowercase letters, digits and single dashes.', 'slug'),
  events_talent_credits_nonneg: invalid('Request credits cannot be negative.', 'talentRequestCredits'),
  events_recruiter_credits_nonneg: invalid('Request credits cannot be negative.', 'recruiterRequestCredits'),
  events_join_window_range: invalid('People can join between 0 and 60 minutes early.', 'joinOpensMinutesBefore'),
  events_no_show_grace_range: invalid('The no-show grace is between 1 and 60 minutes.', 'noShowGraceMinutes'),
  event_days_event_date_unique: conflict('Each day may appear once.', 'days'),
  event_days_hours_order: invalid('A day closes after it opens.', 'days'),
  event_days_location_length: invalid('Keep the location under 200 characters.', 'days'),
  event_days_durations_nonempty: invalid('Allow at least one 1-1 chat duration on each day.', 'days'),
  event_days_durations_range: invalid('Pick 1-1 chat durations from the list.', 'days'),
  registrations_event_user_role_unique: conflict('You are already registered for this event.'),

  // 1-1 chats
  availability_day_recruiter_unique: conflict('Your availability for this day was saved from another tab — reload and try again.'),
  availability_duration_positive: invalid('Pick a chat duration from the list.', 'durationMinutes'),
  slots_order: invalid('A slot ends after it starts.'),
  slots_recruiter_no_overlap: conflict('These times overlap a slot you already have (in this or another event) — pick other times.'),
  chat_requests_slot_live_unique: { code: 'slot_taken', message: 'This slot was just taken — pick another.' },
  chat_requests_talent_no_overlap: { code: 'time_clash', message: 'The talent already has a 1-1 chat at that time — pick another slot.' },
  chat_requests_open_pair_unique: { code: 'already_requested', message: 'There is already an open 1-1 chat request between you two.' },
  chat_requests_live_has_time: { code: 'not_allowed_now', message: 'This chat has no time yet — pick a slot first.' },
  chat_requests_confirmed_has_slot: { code: 'not_allowed_now', message: 'This chat has no slot yet — pick a slot first.' },
  chat_requests_time_order: invalid('A chat ends after it starts.'),
  chat_requests_not_with_self: { code: 'not_allowed_now', message: 'You cannot have a 1-1 chat with yourself. Pick another recruiter or talent.' },
  chat_requests_times_match_slot: { code: 'not_allowed_now', message: 'That slot changed in the meantime — reload and pick another.' },
  credit_ledger_one_credit: invalid('A credit changes one at a time.'),
  credit_accounts_not_overspent: { code: 'no_credits', message: 'You have no request credits left in this event.' },
  chat_requests_slot_id_slots_id_fk: {
    missing: { code: 'slot_taken', message: 'This slot was just removed by the recruiter — pick another.' },
    inUse: { code: 'not_allowed_now', message: 'Some of these days or times hold booked 1-1 chats — cancel or move those chats first, then try again.' },
  },
  chat_requests_event_id_events_id_fk: { missing: { code: 'not_found', message: 'This event was just removed.' } },
  chat_attendance_order: invalid('Someone cannot leave a call before joining it.'),

  // desks
  conversations_one_visit_unique: conflict('You already have a conversation at this desk — it is open in your list.'),
  desk_moderators_within_limit: { code: 'not_allowed_now', message: 'You already have as many open conversations as this desk allows. Close one, then try again.' },
  desk_tags_desk_name_unique: conflict('That tag already exists at this desk.'),
  desks_name_length: invalid('Give the desk a name of at most 80 characters.', 'name'),
  desks_hours_order: invalid('A desk closes after it opens.', 'closesAt'),
  desks_limit_range: invalid('Allow between 1 and 20 open conversations per moderator.', 'limitPerModerator'),
  desks_retention_range: invalid('Keep conversations between 0 and 3650 days.', 'retentionDays'),
  desk_tags_name_length: invalid('Give the tag a name of at most 40 characters.', 'name'),
  files_size_range: invalid('Files can be at most 10 MB, and not empty. Choose another one.', 'file'),
  files_name_length: invalid('Give the file a name of at most 200 characters.', 'name'),
  desk_moderators_open_count_nonneg: { code: 'not_allowed_now', message: 'This conversation was already closed. Reload All Conversations.' },
  conversations_open_assigned: { code: 'not_allowed_now', message: 'An open conversation needs a moderator. Assign one first.' },
  conversations_confidential_one_moderator: { code: 'not_allowed_now', message: 'Only a conversation with a moderator can be confidential. Take it first.' },
  conversations_assignee_fk: { missing: { code: 'not_allowed_now', message: 'Only moderators of this desk can take its conversations.' } },


  // sessions
  event_sessions_stage_within_limit: { code: 'not_allowed_now', message: 'The stage is full. Move someone back to the audience before accepting another request.' },
  event_sessions_seats_within_capacity: { code: 'not_allowed_now', message: 'More people hold seats than that capacity allows. Choose a larger capacity.' },
  event_sessions_title_length: invalid('Give the session a title of at most 140 characters.', 'title'),
  event_sessions_time_order: invalid('A session ends after it starts.', 'endsAt'),
  event_sessions_duration_range: invalid('A session lasts between 30 minutes and 2 hours.', 'endsAt'),
  event_sessions_capacity_positive: invalid('Leave the capacity empty for no limit, or allow at least one person.', 'capacity'),
  event_sessions_stage_limit_range: invalid('Allow between 0 and 12 people on stage.', 'stageLimit'),
  session_attendance_order: invalid('Someone cannot leave a session before joining it.'),
  questions_body_length: invalid('Write a question of at most 500 characters.', 'body'),
  questions_votes_nonneg: { code: 'not_allowed_now', message: 'Your vote was already taken back. Reload the questions.' },
  session_registrations_session_user_unique: conflict('You are already signed up for this session.'),
  stage_requests_open_unique: conflict('You already asked to come on screen — wait for the host, or withdraw first.'),
  question_votes_pk: conflict('You already voted for this question.'),

  // breakout rooms
  event_sessions_breakout_room_limit_range: invalid('Allow between 1 and 50 breakout rooms.', 'breakoutRoomLimit'),
  breakout_rounds_one_live_unique: conflict('This session already has breakout rooms — close them before creating new ones.'),
  breakout_rounds_open_has_timer: invalid('Open breakout rooms need a timer that ends after they open.', 'minutes'),
  breakout_rounds_closed_at: invalid('Closed breakout rooms need the time they closed.'),
  // Raised by a trigger (migration 0020), not a table constraint: the timer ends with the session at the latest.
  breakout_rounds_within_session: { code: 'not_allowed_now', message: 'Breakout rooms cannot stay open after the session ends. Pick fewer minutes.' },
  breakout_rooms_round_position_unique: conflict('Two rooms cannot share a place in the list — reload and try again.'),
  breakout_rooms_round_name_unique: conflict('Give every breakout room its own name.', 'names'),
  breakout_rooms_id_round_unique: conflict('This breakout room already exists.'),
  breakout_rounds_id_session_unique: conflict('These breakout rooms already exist.'),
  breakout_rooms_round_session_fk: { missing: { code: 'not_found', message: 'These breakout rooms do not exist any more. Reload the page.' } },
  breakout_rooms_position_range: invalid('A session has at most 50 breakout rooms.', 'roomCount'),
  breakout_rooms_name_length: invalid('Give each breakout room a name of 1 to 60 characters.', 'names'),
  breakout_assignments_room_fk: {
    missing: { code: 'not_allowed_now', message: 'That room is not one of these breakout rooms any more. Reload and pick another.' },
  },
  breakout_host_calls_room_fk: { missing: { code: 'not_allowed_now', message: 'Your breakout room was closed in the meantime.' } },
  breakout_broadcasts_body_length: invalid('Write a broadcast of 1 to 500 characters.', 'body'),
  breakout_host_calls_open_unique: conflict('You already called the host — a host will join your room soon.'),
  breakout_attendance_order: invalid('Someone cannot leave a breakout room before joining it.'),

  // threads and messages (every text conversation)
  messages_body_length: invalid('Write a message of at most 4000 characters.', 'body'),
  messages_thread_seq_unique: { code: 'busy', message: 'Several messages arrived at once — send yours again.' },
  threads_kind_owner_unique: { code: 'busy', message: 'This conversation was just opened — send your message again.' },
};
