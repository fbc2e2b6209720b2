import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { breakoutHostCalls, breakoutRounds } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { publishHint } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { inTx } from '@/lib/tx/in-tx';
import type { z } from 'zod';
import { requireManager, type TBreakoutStanding } from './permissions';
import { assignedRoomOf, lockRound, requireOpen } from './queries';
import type { ZAnswerCall, ZCallHost } from './schemas';

/** "Call the host" from a breakout room: every host sees it with the room's name until one answers. */
export async function callHost(db: Db, s: TBreakoutStanding, data: z.infer<typeof ZCallHost>): Promise<{ callId: string }> {
  if (s.canManage) throw new AppError('not_allowed_now', 'You are a host: join the room yourself.');
  return inTx(db, async (tx) => {
    // Locked like every other write to the round: the call's foreign keys only share-lock it, so
    // without this a call could land in a round "close all now" is closing.
    const round = await lockRound(tx, s.session.id, data.roundId);
    requireOpen(round);
    const roomId = await assignedRoomOf(tx, round.id, s.userId);
    if (!roomId) throw new AppError('not_allowed_now', 'You are in the main session, where the hosts are: ask in the chat.');
    // One open call per person per round (breakout_host_calls_open_unique).
    const [call] = await tx.insert(breakoutHostCalls).values({ roundId: round.id, roomId, userId: s.userId }).returning({ id: breakoutHostCalls.id });
    await publishHint(tx, topics.breakouts(s.session.id), { call: call!.id });
    return { callId: call!.id };
  });
}

/** A host answers a call and is told which room to join; a call another host answered first still leads there. */
export async function answerCall(db: Db, s: TBreakoutStanding, data: z.infer<typeof ZAnswerCall>, now = new Date()): Promise<{ roomId: string }> {
  requireManager(s);
  return inTx(db, async (tx) => {
    const [call] = await tx
      .select({ id: breakoutHostCalls.id, roomId: breakoutHostCalls.roomId, status: breakoutRounds.status })
      .from(breakoutHostCalls)
      .innerJoin(breakoutRounds, eq(breakoutRounds.id, breakoutHostCalls.roundId))
      .where(and(eq(breakoutHostCalls.id, data.callId), eq(breakoutRounds.sessionId, s.session.id)));
    if (!call) throw new AppError('not_found', 'This call is no longer there. Reload the page.');
    if (call.status !== 'open') throw new AppError('not_allowed_now', 'The breakout rooms are closed; everyone is back in the main session.');
    await tx.update(breakoutHostCalls).set({ answeredAt: now, answeredBy: s.userId }).where(and(eq(breakoutHostCalls.id, call.id), isNull(breakoutHostCalls.answeredAt)));
    await publishHint(tx, topics.breakouts(s.session.id), { call: call.id });
    return { roomId: call.roomId };
  });
}

/**
 * A person's open call follows them when they are moved: the hosts are sent to the room they are
 * in now, not the one they called from; back in the main call, where the hosts are, it is dropped.
 */
export async function moveOpenCall(tx: Tx, roundId: string, userId: string, roomId: string | null): Promise<void> {
  const open = and(eq(breakoutHostCalls.roundId, roundId), eq(breakoutHostCalls.userId, userId), isNull(breakoutHostCalls.answeredAt));
  if (roomId) await tx.update(breakoutHostCalls).set({ roomId }).where(open);
  else await tx.delete(breakoutHostCalls).where(open);
}
