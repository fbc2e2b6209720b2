import 'server-only';
import type { Db } from '@/db/client';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { assignPerson, chooseRoom } from './assign';
import { broadcast } from './broadcast';
import { createRound } from './create-round';
import { answerCall, callHost } from './host-calls';
import { breakoutStanding } from './permissions';
import { closeRound, extendRound, openRound } from './round-status';
import { ZBreakoutAction } from './schemas';

/**
 * POST /api/sessions/:id/breakouts — one action of the hosts (create, assign, open, extend,
 * close, broadcast, answer_call) or of a participant (choose, call_host). Each use-case checks
 * who may do it; the answer is what the action names (docs/breakouts.md).
 */
export async function breakoutAction(db: Db, actor: TActor | null, sessionId: unknown, input: unknown, now = new Date()): Promise<Record<string, unknown>> {
  const data = parseInput(ZBreakoutAction, input);
  const s = await breakoutStanding(db, actor, sessionId);
  switch (data.action) {
    case 'create':
      return createRound(db, s, data, now);
    case 'assign': {
      await assignPerson(db, s, data, now);
      return {};
    }
    case 'open':
      return openRound(db, s, data, now);
    case 'extend':
      return extendRound(db, s, data, now);
    case 'close':
      return closeRound(db, s, data, now);
    case 'broadcast':
      return broadcast(db, s, data);
    case 'choose': {
      await chooseRoom(db, s, data, now);
      return {};
    }
    case 'call_host':
      return callHost(db, s, data);
    case 'answer_call':
      return answerCall(db, s, data, now);
  }
}
