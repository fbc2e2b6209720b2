import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { chatRequests } from '@/db/schema';
import type { TResource } from '@/lib/resources/types';
import { parseInput } from '@/lib/validation';
import { callRoleOf } from '@/lib/video/call';
import type { TChat } from './permissions';

export type TChatRole = 'talent' | 'recruiter' | 'colleague' | 'company';

const ZChatId = z.uuid({ message: 'Unknown 1-1 chat' });

/**
 * A 1-1 chat as a resource: its talent, its recruiter and colleagues added to it meet in its
 * call and write in its conversation; other colleagues of the company may read the record.
 */
export const chatResource: TResource<TChat, TChatRole> = {
  kind: 'chat',
  label: '1-1 chat',
  parseId: (raw) => parseInput(ZChatId, raw),
  async load(db, id) {
    const [chat] = await db.select().from(chatRequests).where(eq(chatRequests.id, id));
    return chat;
  },
  eventId: (chat) => chat.eventId,
  roleOf: (db, actor, chat) => callRoleOf(db, actor.id, chat),
  permissions: {
    talent: ['view', 'thread.read', 'thread.post', 'video.join', 'video.publish'],
    recruiter: ['view', 'thread.read', 'thread.post', 'video.join', 'video.publish'],
    colleague: ['view', 'thread.read', 'thread.post', 'video.join', 'video.publish'],
    company: ['view', 'thread.read'],
  },
  threadClosed: (chat) => (chat.status === 'confirmed' || chat.status === 'completed' ? null : `This chat is ${chat.status}; its messages are closed.`),
};
