import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { conversations, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { conversationGone } from './errors';
import { loadDesk } from './queries';
import { queuePosition, waitFacts } from './queue';
import { estimateWaitMinutes } from './wait';
import { ZConversationId } from './schemas';
import { parseInput } from '@/lib/validation';

export type TParticipantView = {
  conversationId: string;
  deskId: string;
  deskName: string;
  welcomeMessage: string;
  filesAllowed: boolean;
  status: 'queued' | 'open' | 'closed' | 'hard_closed';
  position: number | null;
  waitMinutes: number | null;
  moderator: { name: string; image: string | null } | null;
};

/** What the participant sees of their conversation: the queue, or who they talk to. */
export async function participantView(db: DbOrTx, actor: TActor | null, input: unknown): Promise<TParticipantView> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { conversationId } = parseInput(ZConversationId, input);
  const [conv] = await db
    .select({ c: conversations, moderatorName: users.name, moderatorImage: users.image })
    .from(conversations)
    .leftJoin(users, eq(users.id, conversations.assignedTo))
    .where(eq(conversations.id, conversationId));
  if (!conv || conv.c.participantId !== actor.id) throw conversationGone();
  const { desk } = await loadDesk(db, conv.c.deskId);
  const position = conv.c.status === 'queued' ? await queuePosition(db, conversationId) : null;
  let waitMinutes: number | null = null;
  if (position !== null) {
    const facts = await waitFacts(db, desk.id);
    waitMinutes = estimateWaitMinutes(position, facts.places, facts.recentMinutes);
  }
  return {
    conversationId,
    deskId: desk.id,
    deskName: desk.name,
    welcomeMessage: desk.welcomeMessage,
    filesAllowed: desk.filesAllowed,
    status: conv.c.status,
    position,
    waitMinutes,
    moderator: conv.c.status === 'open' && conv.c.assignedTo ? { name: conv.moderatorName ?? 'A moderator', image: conv.moderatorImage } : null,
  };
}
