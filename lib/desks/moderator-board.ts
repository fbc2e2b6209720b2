import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { conversationPresence, conversationReads, conversations, conversationTags, deskModerators, desks, deskTags, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { visibleToModerator } from './permissions';
import { ZEventRef } from './schemas';

// The participant's latest message (moderators' own messages are no news to them).
const lastParticipantMessageAt = sql`(select max(m.created_at) from messages m join threads th on th.id = m.thread_id
  where th.kind = 'desk_conversation' and th.owner_id = ${conversations.id} and m.author_id = ${conversations.participantId})`;

export type TBoardConversation = {
  id: string;
  participantName: string;
  participantEmail: string;
  assignedTo: string | null;
  assigneeName: string | null;
  assigneeImage: string | null;
  confidential: boolean;
  admittedAt: string | null;
  present: boolean;
  hasNews: boolean;
  tags: string[];
};

export type TBoardDesk = {
  id: string;
  name: string;
  welcomeMessage: string;
  filesAllowed: boolean;
  limitPerModerator: number;
  myOpenCount: number;
  waiting: number;
  conversations: TBoardConversation[];
};

/**
 * "All Conversations": every desk the moderator moderates in the event, with its waiting count
 * and open conversations — confidential ones of other moderators filtered out in SQL.
 * A conversation has news while something happened after this moderator last opened it.
 */
export async function moderatorBoard(db: DbOrTx, actor: TActor | null, input: unknown): Promise<TBoardDesk[]> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { eventId } = parseInput(ZEventRef, input);
  const mine = await db
    .select({ desk: desks, myOpenCount: deskModerators.openCount })
    .from(deskModerators)
    .innerJoin(desks, eq(desks.id, deskModerators.deskId))
    .where(and(eq(deskModerators.userId, actor.id), eq(desks.eventId, eventId)))
    .orderBy(asc(desks.opensAt), asc(desks.name));
  if (mine.length === 0) throw new AppError('forbidden', 'All Conversations is for moderators of this event’s desks.');
  const deskIds = mine.map((m) => m.desk.id);
  const waiting = await db
    .select({ deskId: conversations.deskId, n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(and(inArray(conversations.deskId, deskIds), eq(conversations.status, 'queued')))
    .groupBy(conversations.deskId);
  const assignee = alias(users, 'assignee');
  const rows = await db
    .select({
      id: conversations.id,
      deskId: conversations.deskId,
      participantName: sql<string>`coalesce(${users.name}, ${conversations.pseudonym}, 'Participant')`,
      participantEmail: sql<string>`coalesce(${users.email}, '')`,
      assignedTo: conversations.assignedTo,
      assigneeName: assignee.name,
      assigneeImage: assignee.image,
      confidential: conversations.confidential,
      admittedAt: conversations.admittedAt,
      present: sql<boolean>`coalesce(${conversationPresence.participantUntil} > now(), false)`,
      hasNews: sql<boolean>`(${conversationReads.readAt} is null or ${conversationReads.readAt} < greatest(${conversations.admittedAt}, ${lastParticipantMessageAt}))`,
      tags: sql<string[]>`coalesce((select array_agg(t.name order by t.name) from ${conversationTags} ct join ${deskTags} t on t.id = ct.tag_id where ct.conversation_id = ${conversations.id}), '{}')`,
    })
    .from(conversations)
    .leftJoin(users, eq(users.id, conversations.participantId))
    .leftJoin(assignee, eq(assignee.id, conversations.assignedTo))
    .leftJoin(conversationPresence, eq(conversationPresence.conversationId, conversations.id))
    .leftJoin(conversationReads, and(eq(conversationReads.conversationId, conversations.id), eq(conversationReads.userId, actor.id)))
    .where(and(inArray(conversations.deskId, deskIds), eq(conversations.status, 'open'), visibleToModerator(actor.id)))
    .orderBy(asc(conversations.admittedAt));
  return mine.map(({ desk, myOpenCount }) => ({
    id: desk.id,
    name: desk.name,
    welcomeMessage: desk.welcomeMessage,
    filesAllowed: desk.filesAllowed,
    limitPerModerator: desk.limitPerModerator,
    myOpenCount,
    waiting: waiting.find((w) => w.deskId === desk.id)?.n ?? 0,
    conversations: rows
      .filter((r) => r.deskId === desk.id)
      .map(({ deskId: _d, admittedAt, ...r }) => ({ ...r, admittedAt: admittedAt ? new Date(admittedAt).toISOString() : null, tags: r.tags ?? [] })),
  }));
}

