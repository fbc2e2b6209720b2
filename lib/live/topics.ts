import { z } from 'zod';

/** Topics a hint can be about. A browser subscribes to topics; /api/live checks each one. */
export const ZTopic = z.union([
  z.string().regex(/^event:[0-9a-f-]{36}$/, 'unknown topic'),
  z.string().regex(/^event-admin:[0-9a-f-]{36}$/, 'unknown topic'),
  z.string().regex(/^user:[A-Za-z0-9-]{1,64}$/, 'unknown topic'),
  z.string().regex(/^open-recruiters:[0-9a-f-]{36}$/, 'unknown topic'),
  z.string().regex(/^team:[0-9a-f-]{36}:[0-9a-f-]{36}$/, 'unknown topic'),
  z.string().regex(/^chat:[0-9a-f-]{36}$/, 'unknown topic'),
  z.string().regex(/^outbox-event:[0-9a-f-]{36}$/, 'unknown topic'),
  z.literal('outbox-reserved'),
  z.string().regex(/^desk:[0-9a-f-]{36}$/, 'unknown topic'),
  z.string().regex(/^desk-queue:[0-9a-f-]{36}$/, 'unknown topic'),
  z.string().regex(/^conversation:[0-9a-f-]{36}$/, 'unknown topic'),
  z.string().regex(/^session:[0-9a-f-]{36}$/, 'unknown topic'),
  z.string().regex(/^session-qa:[0-9a-f-]{36}$/, 'unknown topic'),
  z.string().regex(/^breakouts:[0-9a-f-]{36}$/, 'unknown topic'),
  z.string().regex(/^thread:[a-z_]{1,20}:[0-9a-f-]{36}$/, 'unknown topic'),
  z.literal('outbox'),
]);
export type TTopic = z.infer<typeof ZTopic>;

export const topics = {
  event: (eventId: string) => `event:${eventId}` as TTopic,
  eventAdmin: (eventId: string) => `event-admin:${eventId}` as TTopic,
  user: (userId: string) => `user:${userId}` as TTopic,
  // What talents see of an event's open recruiters: who is open, each one's free slots and
  // pending-request count. Every hint names the recruiter (`ids.recruiter`), so a watcher
  // refetches that one recruiter's entry, not the whole list; a chat that took a slot names it
  // (`data.taken`) and watchers drop it without a read (lib/chats/open-recruiters-hint.ts).
  openRecruiters: (eventId: string) => `open-recruiters:${eventId}` as TTopic,
  // One company's 1-1 chats and availability in an event (its team overview, All 1-1 Chats,
  // the team times of the talent browser): followed by that company's recruiters only.
  team: (eventId: string, companyId: string) => `team:${eventId}:${companyId}` as TTopic,
  // One 1-1 chat's call: its messages and attendance.
  chat: (chatId: string) => `chat:${chatId}` as TTopic,
  // A desk's moderators: its waiting count and non-confidential conversations changed.
  desk: (deskId: string) => `desk:${deskId}` as TTopic,
  // Everyone waiting at a desk: the queue moved, positions and estimates changed.
  deskQueue: (deskId: string) => `desk-queue:${deskId}` as TTopic,
  // One desk conversation: its status, messages, typing and presence.
  conversation: (conversationId: string) => `conversation:${conversationId}` as TTopic,
  // One session: seats, stage requests and who is on screen, its chat.
  session: (sessionId: string) => `session:${sessionId}` as TTopic,
  // One session's Q&A: its own topic, so a burst of votes refetches only the questions.
  sessionQa: (sessionId: string) => `session-qa:${sessionId}` as TTopic,
  // One session's breakout rooms: the round, its rooms, assignments, broadcasts, calls, who is in which room.
  breakouts: (sessionId: string) => `breakouts:${sessionId}` as TTopic,
  // The outbox is announced as narrowly as it is shown (lib/mail/queries.ts): every mail to
  // platform admins, an event's mails to its organizers, reserved-address mails in demo mode.
  // One resource's text conversation (lib/threads): a new message, or one hidden or redacted.
  thread: (kind: string, ownerId: string) => `thread:${kind}:${ownerId}` as TTopic,
  outbox: 'outbox' as TTopic,
  outboxOfEvent: (eventId: string) => `outbox-event:${eventId}` as TTopic,
  outboxReserved: 'outbox-reserved' as TTopic,
};

/**
 * The broadcast availability topics: what an event offers (its sessions, desks, companies) and
 * which recruiters are open with which free slots. A fair's opening minute hints on them with
 * every booking to everyone on the 1-1 chats page, and what a follower does with a hint (drop a
 * taken slot, refetch one list) is as right a few hundred milliseconds later — the database
 * refuses a slot that was taken meanwhile. So the hub may coalesce their hints while it is busy
 * (lib/live/hub.ts); every other topic is a conversation someone watches and goes at once.
 */
export const isPacedTopic = (topic: string): boolean => topic.startsWith('open-recruiters:') || topic.startsWith('event:');

/**
 * `recheck`: who may see the topic may have changed (a conversation turned confidential, got
 * another moderator); every stream following it re-checks its access and closes if it lost it
 * — only the streams of `ids.user` when the hint names one (one person left a session).
 *
 * `data`: what changed, for the few hot hints whose followers would otherwise all refetch the
 * same thing (a vote's new count, a new session chat message), so a thousand watchers patch
 * their cache instead of sending a thousand requests. Only what every follower of the topic
 * may see (they were checked when their stream opened and on every `recheck`); anything
 * narrower (hidden, pending, per-viewer) stays a refetch. Keep it small: NOTIFY payloads
 * end at 8000 bytes (`fitsHint`).
 */
export type THint = { topic: TTopic; ids?: Record<string, string | number>; recheck?: true; data?: Record<string, unknown> };

/** NOTIFY refuses payloads of 8000 bytes or more; a hint with data above this is sent without it. */
export const MAX_HINT_BYTES = 7000;
export const fitsHint = (hint: THint) => Buffer.byteLength(JSON.stringify(hint)) <= MAX_HINT_BYTES;

export const LIVE_CHANNEL = 'fairground_live';

export const ZTopicList = z
  .string()
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(ZTopic).min(1, 'subscribe to at least one topic').max(50, 'at most 50 topics'));
