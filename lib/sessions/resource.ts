import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { eventSessions, events, sessionAttendance } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import type { TPermission, TResource } from '@/lib/resources/types';
import { formatInstant } from '@/lib/time/format';
import { parseInput } from '@/lib/validation';
import { isModerator, mayEnter, sessionRoleOf, type TSession } from './permissions';
import { isOnStage } from './room';
import { roomOpensAt, roomState } from './room-window';
import { ZSessionId } from './schemas';

export type TSessionCtx = TSession & { timeZone: string };
/** Roles of people in a session's room; waitlisted people and strangers have none (404). */
export type TSessionRoomRole = 'organizer' | 'host' | 'company' | 'registered' | 'attendee';

const RUNS: readonly TPermission[] = ['view', 'thread.read', 'thread.post', 'thread.moderate', 'video.join', 'video.publish'];
// The audience joins subscribe-only; a host's acceptance puts them on stage (mayPublish below).
const AUDIENCE: readonly TPermission[] = ['view', 'thread.read', 'thread.post', 'video.join'];

/**
 * A session as a resource: its room (hosts publish, the audience subscribes until accepted on
 * stage), its chat, its attendance. Who may be in the room is the sessions rule (`mayEnter`).
 */
export const sessionResource: TResource<TSessionCtx, TSessionRoomRole> = {
  kind: 'session',
  label: 'session',
  parseId: (raw) => parseInput(ZSessionId, raw),
  async load(db, id) {
    const [row] = await db.select({ session: eventSessions, timeZone: events.timeZone }).from(eventSessions).innerJoin(events, eq(events.id, eventSessions.eventId)).where(eq(eventSessions.id, id));
    return row ? { ...row.session, timeZone: row.timeZone } : undefined;
  },
  eventId: (s) => s.eventId,
  async roleOf(db, actor, s) {
    const role = await sessionRoleOf(db, actor, s);
    return isModerator(role) || mayEnter(role, s) ? (role as TSessionRoomRole) : null;
  },
  permissions: { organizer: RUNS, host: RUNS, company: AUDIENCE, registered: AUDIENCE, attendee: AUDIENCE },
  threadClosed: (s) => (s.cancelledAt ? 'This session was cancelled; its chat is closed.' : null),
  // A thousand people read one session's chat: each new message rides in its hint. Losing the
  // room (a cancelled sign-up, a changed session) sends a recheck (lib/sessions/hints.ts).
  messagesInHints: true,
  video: {
    joinRefusal(s, _role, now) {
      if (s.cancelledAt) return 'This session was cancelled, so its room is closed.';
      const state = roomState(s, now);
      if (state === 'early') return `The room opens at ${formatInstant(roomOpensAt(s), s.timeZone)} (${s.timeZone}), a few minutes before the session.`;
      if (state === 'over') return 'This session has ended; its room is closed.';
      return null;
    },
    publishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
    // LiveKit forgets a permission granted to an earlier connection: the stage in PostgreSQL
    // goes into every new token, so a reload keeps someone on screen.
    mayPublish: (db, s, actor) => isOnStage(db, s.id, actor.id),
    metadata: (s, role) => ({ sessionId: s.id, role }),
    async recordAttendance(tx, s, a) {
      await tx.insert(sessionAttendance).values({ participantSid: a.sid, sessionId: s.id, userId: a.userId, joinedAt: a.joinedAt, leftAt: a.leftAt }).onConflictDoNothing();
      if (a.leftAt) await tx.update(sessionAttendance).set({ leftAt: a.leftAt }).where(and(eq(sessionAttendance.participantSid, a.sid), isNull(sessionAttendance.leftAt)));
    },
    async afterRoomEvent(tx, s) {
      await publishHint(tx, topics.session(s.id), { people: 1 });
    },
  },
};
