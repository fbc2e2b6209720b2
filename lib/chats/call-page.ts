import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { companies, profiles, users } from '@/db/schema';
import { callRoleOf, loadCall } from './call';
import { listChatColleagues } from './chat-colleagues';
import { joinWindow } from './join-window';

/** Everything the call page shows about a chat to one viewer, or who they are not. */
export async function callPageData(db: DbOrTx, userId: string, chatId: string) {
  const call = await loadCall(db, chatId);
  const role = await callRoleOf(db, userId, call.chat);
  if (role === null) return { call, role } as const;
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
    colleagues: await listChatColleagues(db, chatId),
    window: joinWindow(call.chat, call.event),
  } as const;
}
