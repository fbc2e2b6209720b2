import 'server-only';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { breakoutBroadcasts } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { appendMessage } from '@/lib/threads';
import { inTx } from '@/lib/tx/in-tx';
import { requireManager, type TBreakoutStanding } from './permissions';
import { lockRound, requireOpen, roomsOf } from './queries';
import type { ZBroadcast } from './schemas';

/** A host's message to every room of the open round: a banner (breakout_broadcasts) and a message in each room's chat. */
export async function broadcast(db: Db, s: TBreakoutStanding, data: z.infer<typeof ZBroadcast>): Promise<{ broadcastId: string }> {
  requireManager(s);
  return inTx(db, async (tx) => {
    const round = await lockRound(tx, s.session.id, data.roundId);
    requireOpen(round);
    const [row] = await tx.insert(breakoutBroadcasts).values({ roundId: round.id, authorId: s.userId, body: data.body }).returning({ id: breakoutBroadcasts.id });
    for (const room of await roomsOf(tx, round.id)) {
      await appendMessage(tx, { kind: 'breakout', ownerId: room.id, eventId: s.session.eventId }, { authorId: s.userId, body: data.body });
    }
    await publishHint(tx, topics.breakouts(s.session.id), { broadcast: row!.id });
    return { broadcastId: row!.id };
  });
}
