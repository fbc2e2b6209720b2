import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { events } from '@/db/schema';
import { outboxScope, scopeCoversTopic } from '@/lib/mail/queries';
import { canManageEvent, canViewEvent, type TActor } from '@/lib/events/permissions';
import { conversationRoleOf, hasVisitAt, isDeskModerator } from '@/lib/desks/permissions';
import { mayAccess } from '@/lib/resources';
import { isTalentOf, recruiterMembership } from '@/lib/chats/permissions';
import { canFollowSession } from '@/lib/sessions/topic-access';
import type { TTopic } from './topics';

/** Whether a signed-in person may receive hints about a topic (checked once per SSE connection). */
export async function canSeeTopic(db: DbOrTx, actor: TActor, topic: TTopic): Promise<boolean> {
  if (topic === 'outbox' || topic === 'outbox-reserved' || topic.startsWith('outbox-event:')) {
    return scopeCoversTopic(await outboxScope(db, actor), topic);
  }
  const [kind, id, rest] = topic.split(':') as [string, string, string | undefined];
  if (kind === 'user') return id === actor.id;
  // A resource's own topic and its conversation: the resources registry decides.
  if (kind === 'chat') return mayAccess(db, actor, 'chat', id, 'view');
  if (kind === 'thread') return mayAccess(db, actor, id, rest, 'thread.read');
  if (kind === 'desk' || kind === 'desk-queue' || kind === 'conversation') {
    if (!z.uuid().safeParse(id).success) return false;
    if (kind === 'desk') return isDeskModerator(db, actor.id, id);
    if (kind === 'desk-queue') return hasVisitAt(db, actor.id, id);
    return (await conversationRoleOf(db, actor.id, id)) !== null;
  }
  if (kind === 'session' || kind === 'session-qa') return canFollowSession(db, actor, id, kind);
  // Breakout rooms: anyone who may be in the session (its resource's `view`), as GET …/breakouts.
  if (kind === 'breakouts') return mayAccess(db, actor, 'session', id, 'view');
  if (kind === 'open-recruiters' || kind === 'team') {
    if (!z.uuid().safeParse(id).success) return false;
    if (kind === 'open-recruiters') return isTalentOf(db, actor.id, id);
    return (await recruiterMembership(db, actor.id, id))?.companyId === rest;
  }
  const [event] = await db.select({ id: events.id, status: events.status }).from(events).where(eq(events.id, id));
  if (!event) return false;
  if (kind === 'event') return canViewEvent(db, actor, event);
  if (kind === 'event-admin') return canManageEvent(db, actor, event.id);
  return false;
}
