import 'server-only';
import { AccessToken, TrackSource } from 'livekit-server-sdk';
import type { TVideoConfig } from './video-config';

export type TTrackSource = 'camera' | 'microphone' | 'screen_share' | 'screen_share_audio';

const SOURCE: Record<TTrackSource, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

// Only needed to connect: LiveKit refreshes the token of a connected participant itself.
const TOKEN_TTL = '10m';

/**
 * A LiveKit access token for one room. The grant is written out whole (publish, its sources,
 * subscribe, data) because LiveKit replaces a participant's permission as a whole.
 */
export async function mintRoomToken(
  config: TVideoConfig,
  p: { identity: string; name: string; room: string; publishSources: TTrackSource[]; metadata: Record<string, unknown> },
): Promise<string> {
  const at = new AccessToken(config.apiKey, config.apiSecret, { identity: p.identity, name: p.name, ttl: TOKEN_TTL, metadata: JSON.stringify(p.metadata) });
  at.addGrant({
    room: p.room,
    roomJoin: true,
    canPublish: p.publishSources.length > 0,
    canPublishSources: p.publishSources.map((s) => SOURCE[s]),
    canSubscribe: true,
    canPublishData: true,
  });
  return at.toJwt();
}
