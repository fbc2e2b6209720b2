import { eq } from 'drizzle-orm';
import { AccessToken, TrackSource } from 'livekit-server-sdk';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { formatInstant } from '@/lib/time/format';
import { parseInput } from '@/lib/validation';
import { callRoleOf, joinState, joinWindow, loadCall, roomOfChat, type TCallRole } from './call';
import { requireVideoConfig, videoConfig, type TVideoConfig } from './video-config';

export const ZTokenInput = z.object({ chatId: z.uuid({ message: 'Unknown chat' }) });

// Only needed to connect: LiveKit refreshes the token of a connected participant itself.
const TOKEN_TTL = '10m';

export type TCallToken = { serverUrl: string; token: string; roomName: string; participantName: string; role: TCallRole };

/** A LiveKit token for a chat's room, for the people of that chat, inside its join window. */
export async function issueChatToken(db: DbOrTx, actor: TActor | null, input: unknown, now = new Date(), config: TVideoConfig | undefined = videoConfig()): Promise<TCallToken> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  const { chatId } = parseInput(ZTokenInput, input);
  const video = requireVideoConfig(config);
  const call = await loadCall(db, chatId);
  const role = await callRoleOf(db, actor.id, call.chat);
  if (role === null) throw new AppError('forbidden', 'Only the talent, the recruiter and colleagues added to this chat can join its call.');
  if (role === 'company') throw new AppError('forbidden', 'Add yourself to this chat from All 1-1 Chats before joining its call.');
  if (call.chat.status !== 'confirmed') throw new AppError('forbidden', `This chat is ${call.chat.status}, so its call is closed.`);
  if (call.mode === 'in_person') throw new AppError('forbidden', 'This chat takes place in person, not on video.');
  const window = joinWindow(call.chat, call.event)!;
  const state = joinState(window, now);
  if (state === 'early') {
    throw new AppError('forbidden', `The call opens at ${formatInstant(window.opensAt, call.event.timeZone)} (${call.event.timeZone}), ${call.event.joinOpensMinutesBefore} minutes before the chat.`);
  }
  if (state === 'over') throw new AppError('forbidden', 'This chat has ended; its call is closed.');

  const [me] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, actor.id));
  const participantName = me?.name ?? me?.email ?? 'Participant';
  const roomName = roomOfChat(chatId);
  const at = new AccessToken(video.apiKey, video.apiSecret, {
    identity: actor.id,
    name: participantName,
    ttl: TOKEN_TTL,
    metadata: JSON.stringify({ chatId, role }),
  });
  at.addGrant({
    room: roomName,
    roomJoin: true,
    canPublish: true,
    canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO],
    canSubscribe: true,
    canPublishData: true,
  });
  return { serverUrl: video.url, token: await at.toJwt(), roomName, participantName, role };
}
