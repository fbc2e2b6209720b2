import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { chatRequests, events } from '@/db/schema';
import { callRoleOf } from '@/lib/video/call';
import { outboxScope, scopeCoversTopic } from '@/lib/mail/queries';
import { canManageEvent, canViewEvent, type TActor } from '@/lib/events/permissions';
import { conversationRoleOf, hasVisitAt, isDeskModerator } from '@/lib/desks/permissions';
import { canFollowSession } from '@/lib/sessions/topic-access';
import type { TTopic } from './topics';

/** Whether a signed-in person may receive hints about a topic (checked once per SSE connection). */
export async function canSeeTopic(db: DbOrTx, actor: TActor, topic: TTopic): Promise<boolean> {
  if (topic === 'outbox' || topic === 'outbox-reserved' || topic.startsWith('outbox-event:')) {
    return scopeCoversTopic(await outboxScope(db, actor), topic);
  }
  const [kind, id] = topic.split(':') as [string, string];
  if (kind === 'user') return id === actor.id;
  if (kind === 'chat') {
    if (!z.uuid().safeParse(id).success) return false;
    const [chat] = await db.select().from(chatRequests).where(eq(chatRequests.id, id));
    return !!chat && (await callRoleOf(db, actor.id, chat)) !== null;
  }
  if (kind === 'desk' || kind === 'desk-queue' || kind === 'conversation') {
    if (!z.uuid().safeParse(id).success) return false;
    if (kind === 'desk') return isDeskModerator(db, actor.id, id);
    if (kind === 'desk-queue') return hasVisitAt(db, actor.id, id);
    return (await conversationRoleOf(db, actor.id, id)) !== null;
  }
  if (kind === 'session' || kind === 'session-qa') return canFollowSession(db, actor, id, kind);
  const [event] = await db.select({ id: events.id, status: events.status }).from(events).where(eq(events.id, id));
  if (!event) return false;
  if (kind === 'event') return canViewEvent(db, actor, event);
  if (kind === 'event-admin') return canManageEvent(db, actor, event.id);
  return false;
}
