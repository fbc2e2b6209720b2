import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { chatAttendance } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import type { TResource } from '@/lib/resources/types';
import { formatInstant } from '@/lib/time/format';
import { parseInput } from '@/lib/validation';
import { callRoleOf, loadCallIfAny, type TCall } from './call';
import { completeChatsIn } from './complete-chats';
import { joinState, joinWindow } from './join-window';

export type TChatRole = 'talent' | 'recruiter' | 'colleague' | 'company';

const ZChatId = z.uuid({ message: 'Unknown 1-1 chat' });
const IN_CALL = ['view', 'thread.read', 'thread.post', 'video.join', 'video.publish'] as const;

/** Why a role may not join the chat's call at this moment, in the words the call page shows. */
function joinRefusal({ chat, event, mode }: TCall, role: TChatRole, now: Date): string | null {
  if (role === 'company') return 'Add yourself to this chat from All 1-1 Chats before joining its call.';
  if (chat.status !== 'confirmed') return `This chat is ${chat.status}, so its call is closed.`;
  if (mode === 'in_person') return 'This chat takes place in person, not on video.';
  const window = joinWindow(chat, event)!;
  const state = joinState(window, now);
  if (state === 'early') return `The call opens at ${formatInstant(window.opensAt, event.timeZone)} (${event.timeZone}), ${event.joinOpensMinutesBefore} minutes before the chat.`;
  if (state === 'over') return 'This chat has ended; its call is closed.';
  return null;
}

/**
 * A 1-1 chat as a resource: its talent, its recruiter and colleagues added to it meet in its
 * call and write in its conversation; other colleagues of the company may read the record.
 */
export const chatResource: TResource<TCall, TChatRole> = {
  kind: 'chat',
  label: '1-1 chat',
  parseId: (raw) => parseInput(ZChatId, raw),
  load: loadCallIfAny,
  eventId: ({ chat }) => chat.eventId,
  roleOf: (db, actor, { chat }) => callRoleOf(db, actor.id, chat),
  permissions: {
    talent: IN_CALL,
    recruiter: IN_CALL,
    colleague: IN_CALL,
    company: ['view', 'thread.read'],
  },
  threadClosed: ({ chat }) => (chat.status === 'confirmed' || chat.status === 'completed' ? null : `This chat is ${chat.status}; its messages are closed.`),
  video: {
    joinRefusal,
    publishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
    metadata: ({ chat }, role) => ({ chatId: chat.id, role }),
    async recordAttendance(tx, { chat }, a) {
      await tx
        .insert(chatAttendance)
        .values({ sessionId: a.sid, chatId: chat.id, userId: a.userId, role: a.role === 'company' ? 'colleague' : a.role, joinedAt: a.joinedAt, leftAt: a.leftAt })
        .onConflictDoNothing();
      if (a.leftAt) await tx.update(chatAttendance).set({ leftAt: a.leftAt }).where(and(eq(chatAttendance.sessionId, a.sid), isNull(chatAttendance.leftAt)));
    },
    async afterRoomEvent(tx, { chat }, event, now) {
      // The job completes chats nobody joined; here the room's own end completes it at once.
      if (event !== 'participant_joined' && chat.status === 'confirmed' && chat.endsAt && chat.endsAt <= now) {
        await completeChatsIn(tx, now, { video: true, chatId: chat.id });
      }
      await publishHint(tx, topics.chat(chat.id), { attendance: 1 });
      await publishHint(tx, topics.eventAdmin(chat.eventId), { chat: chat.id });
    },
  },
};
