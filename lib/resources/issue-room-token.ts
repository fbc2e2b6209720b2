import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { mintRoomToken } from '@/lib/video/token';
import { requireVideoConfig, videoConfig, type TVideoConfig } from '@/lib/video/video-config';
import { accessTo } from './registry';
import { roomName } from './rooms';

// `{ chatId }` is what the 1-1 call page sent before rooms were generic.
export const ZRoomTokenInput = z.union([
  z.object({ kind: z.string().regex(/^[a-z_]{1,20}$/, 'Unknown kind of room'), id: z.string().max(64, 'Unknown room') }),
  z.object({ chatId: z.string().max(64, 'Unknown chat') }).transform((v) => ({ kind: 'chat', id: v.chatId })),
]);

export type TRoomToken = { serverUrl: string; token: string; roomName: string; participantName: string; role: string };

/**
 * A short LiveKit token for a resource's room (a 1-1 chat's call, a session's stage…), for a
 * person whose role there grants `video.join`, when the resource says the room is open to them.
 * Publishing needs `video.publish` (or the resource's own stored grant, e.g. someone accepted
 * on stage), so a page reload re-applies what the database holds.
 */
export async function issueRoomToken(db: DbOrTx, actor: TActor | null, input: unknown, now = new Date(), config: TVideoConfig | undefined = videoConfig()): Promise<TRoomToken> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const data = parseInput(ZRoomTokenInput, input);
  const video = requireVideoConfig(config);
  const access = await accessTo(db, actor, data.kind, data.id);
  const room = access.resource.video;
  if (!room) throw new AppError('not_found', `A ${access.resource.label} has no call.`);
  const refusal = room.joinRefusal(access.ctx, access.role, now);
  if (refusal) throw new AppError('forbidden', refusal);
  if (!access.can('video.join')) throw new AppError('forbidden', `You cannot join the call of this ${access.resource.label}.`);
  const mayPublish = access.can('video.publish') || ((await room.mayPublish?.(db, access.ctx, actor)) ?? false);

  const [me] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, actor.id));
  const participantName = me?.name ?? me?.email ?? 'Participant';
  const name = roomName(access.kind, access.id);
  const token = await mintRoomToken(video, {
    identity: actor.id,
    name: participantName,
    room: name,
    publishSources: mayPublish ? (room.publishSources ?? ['camera', 'microphone']) : [],
    metadata: room.metadata?.(access.ctx, access.role) ?? { kind: access.kind, id: access.id, role: access.role },
  });
  return { serverUrl: video.url, token, roomName: name, participantName, role: access.role };
}
