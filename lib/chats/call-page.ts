import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { companies, profiles, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { callRoleOf, loadCall } from './call';
import { chatResource } from './resource';
import { listChatColleagues } from './chat-colleagues';
import { joinWindow } from './join-window';

/**
 * Everything the call page shows about a chat to one viewer. Throws not_found for a chat that
 * does not exist (or a malformed id) and forbidden for someone who is not in it.
 */
export async function callPageData(db: DbOrTx, actor: TActor | null, chatId: unknown) {
  if (!actor) throw new AppError('unauthorized', 'Sign in to join this call.');
  const call = await loadCall(db, chatResource.parseId(chatId));
  const role = await callRoleOf(db, actor.id, call.chat);
  if (role === null) throw new AppError('forbidden', 'Only the talent, the recruiter and colleagues added to this 1-1 chat can join its call.');
  const people = await db
    .select({ id: users.id, name: users.name, headline: profiles.headline })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(inArray(users.id, [call.chat.talentId, call.chat.recruiterId]));
  const [company] = await db.select({ name: companies.name, slug: companies.slug }).from(companies).where(eq(companies.id, call.chat.companyId));
  const person = (id: string) => {
    const p = people.find((x) => x.id === id);
    return { id, name: p?.name ?? 'Someone', headline: p?.headline ?? '' };
  };
  return {
    call,
    role,
    talent: person(call.chat.talentId),
    recruiter: person(call.chat.recruiterId),
    company: company!,
    colleagues: await listChatColleagues(db, call.chat.id),
    window: joinWindow(call.chat, call.event),
  } as const;
}
