import 'server-only';
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { hotRead } from '@/db/hot-read';
import { outbox, registrations, users } from '@/db/schema';
import { env } from '@/lib/env';
import type { TActor } from '@/lib/events/permissions';
import { topics, type TTopic } from '@/lib/live/topics';
import { RESERVED_DOMAIN_PATTERN } from './reserved-address';

/**
 * Which stored mails a person may read:
 * - `all`: every mail (a platform admin with a real account);
 * - `eventIds`: the mails of the events they organize (a real account);
 * - `reserved`: in demo mode, mails to reserved test addresses (the demo people's), for anyone.
 * In demo mode anyone can be any demo account, so a demo account's rights never reach real mail.
 */
export type TOutboxScope = { all: boolean; eventIds: string[]; reserved: boolean };

export const canReadOutbox = (s: TOutboxScope) => s.all || s.eventIds.length > 0 || s.reserved;

export async function outboxScope(db: DbOrTx, actor: TActor | null, demoLogin = env().demoLogin): Promise<TOutboxScope> {
  const none: TOutboxScope = { all: false, eventIds: [], reserved: demoLogin };
  if (!actor) return none;
  if (demoLogin) {
    const [me] = await isDemoQuery(db, { user: actor.id });
    if (!me || me.isDemo) return none;
  }
  if (actor.isAdmin) return { all: true, eventIds: [], reserved: demoLogin };
  // Every page's header asks (whether to show the Outbox link): built once (db/hot-read.ts).
  const organized = await organizedQuery(db, { user: actor.id });
  return { all: false, eventIds: organized.map((r) => r.id), reserved: demoLogin };
}

const isDemoQuery = hotRead((db) => db.select({ isDemo: users.isDemo }).from(users).where(eq(users.id, sql.placeholder('user'))).prepare('user_is_demo'));
const organizedQuery = hotRead((db) =>
  db
    .select({ id: registrations.eventId })
    .from(registrations)
    .where(and(eq(registrations.userId, sql.placeholder('user')), eq(registrations.role, 'organizer')))
    .prepare('events_organized'),
);

const toReservedAddress = sql`substring(${outbox.toEmail} from '@([^@]*)$') ~* ${RESERVED_DOMAIN_PATTERN}`;

/** The mails a person may read, newest first; null when they may read none. */
export async function listOutbox(db: DbOrTx, actor: TActor | null, limit = 100, demoLogin = env().demoLogin) {
  const scope = await outboxScope(db, actor, demoLogin);
  if (!canReadOutbox(scope)) return null;
  const visible: SQL[] = [];
  if (scope.eventIds.length) visible.push(inArray(outbox.eventId, scope.eventIds));
  if (scope.reserved) visible.push(toReservedAddress);
  const base = db.select().from(outbox);
  const scoped = scope.all ? base : base.where(or(...visible));
  return scoped.orderBy(desc(outbox.createdAt)).limit(limit);
}

/** The live topics that announce exactly the mails of a scope (the outbox page follows these). */
export function outboxTopicsOf(scope: TOutboxScope): TTopic[] {
  if (scope.all) return [topics.outbox];
  return [...scope.eventIds.map(topics.outboxOfEvent), ...(scope.reserved ? [topics.outboxReserved] : [])];
}

/** Whether a person may follow one of the outbox topics. */
export function scopeCoversTopic(scope: TOutboxScope, topic: TTopic): boolean {
  if (scope.all) return topic === topics.outbox || topic.startsWith('outbox-event:') || (topic === topics.outboxReserved && scope.reserved);
  if (topic === topics.outboxReserved) return scope.reserved;
  return topic.startsWith('outbox-event:') && scope.eventIds.includes(topic.slice('outbox-event:'.length));
}
