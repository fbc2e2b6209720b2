import 'server-only';
import { and, asc, eq, exists, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { chatParticipants, chatRequests, companies, users } from '@/db/schema';
import { chatMode } from './chat-mode';

/** A person's confirmed chats in an event, as talent, recruiter or added colleague, by time. */
export async function myConfirmedChats(db: DbOrTx, eventId: string, userId: string) {
  const talent = alias(users, 'talent');
  const recruiter = alias(users, 'recruiter');
  return db
    .select({
      chat: { id: chatRequests.id, startsAt: chatRequests.startsAt, endsAt: chatRequests.endsAt, talentId: chatRequests.talentId, recruiterId: chatRequests.recruiterId },
      talentName: talent.name,
      recruiterName: recruiter.name,
      company: companies.name,
      mode: chatMode,
    })
    .from(chatRequests)
    .innerJoin(talent, eq(talent.id, chatRequests.talentId))
    .innerJoin(recruiter, eq(recruiter.id, chatRequests.recruiterId))
    .innerJoin(companies, eq(companies.id, chatRequests.companyId))
    .where(
      and(
        eq(chatRequests.eventId, eventId),
        eq(chatRequests.status, 'confirmed'),
        or(
          eq(chatRequests.talentId, userId),
          eq(chatRequests.recruiterId, userId),
          exists(db.select({ one: chatParticipants.userId }).from(chatParticipants).where(and(eq(chatParticipants.chatId, chatRequests.id), eq(chatParticipants.userId, userId)))),
        ),
      ),
    )
    .orderBy(asc(chatRequests.startsAt));
}
