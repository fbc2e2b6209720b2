import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { chatRequests } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { accessTo, requirePermission } from '@/lib/resources';
import { selectChatFacts } from './announce';
import { chatIcs } from './chat-ics';

/** GET a chat's .ics: for the people in it (talent, recruiter, added colleagues), once it has a time. */
export async function chatCalendar(db: DbOrTx, actor: TActor | null, chatId: unknown): Promise<{ filename: string; ics: string }> {
  const access = await accessTo(db, actor, 'chat', chatId);
  // Colleagues who only read the company's record have no place in the chat's calendar.
  requirePermission(access, 'video.join', 'Only the people in this 1-1 chat can add it to their calendar.');
  const [facts] = await selectChatFacts(db).where(eq(chatRequests.id, access.id));
  const method = facts!.chat.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const ics = chatIcs(facts!, method);
  if (!ics) throw new AppError('not_allowed_now', 'This 1-1 chat has no time yet: it joins your calendar once a time is picked.');
  return { filename: `chat-${access.id.slice(0, 8)}.ics`, ics };
}
