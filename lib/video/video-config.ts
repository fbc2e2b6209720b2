import 'server-only';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

export type TVideoConfig = { url: string; apiKey: string; apiSecret: string };

export const VIDEO_NOT_CONFIGURED =
  'Video calls are not set up on this Fairground yet. The administrator sets LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET (see docs/self-hosting.md, “Video”).';

/** What the people of a chat read instead: what it means for them, and whom to ask. */
export const VIDEO_UNAVAILABLE_FOR_PARTICIPANTS =
  'Video calls are not available at this event right now, so this chat cannot take place on video. Please contact the event organizer; you can still write to each other in the chat beside this message.';

export function videoConfig(): TVideoConfig | undefined {
  return env().livekit;
}

export function requireVideoConfig(config: TVideoConfig | undefined = videoConfig()): TVideoConfig {
  if (!config) throw new AppError('unavailable', VIDEO_NOT_CONFIGURED);
  return config;
}
