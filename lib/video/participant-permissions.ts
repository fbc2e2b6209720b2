import 'server-only';
import { RoomServiceClient, TrackSource, type ParticipantInfo, type ParticipantPermission } from 'livekit-server-sdk';
import { serverApiUrl } from './close-room';
import { requireVideoConfig, videoConfig, type TVideoConfig } from './video-config';

/** What someone in a room may publish: nothing (audience), camera and microphone, or those and their screen. */
export type TPublishSources = 'none' | 'camera_microphone' | 'camera_microphone_screen';

const SOURCES: Record<TPublishSources, TrackSource[]> = {
  none: [],
  camera_microphone: [TrackSource.CAMERA, TrackSource.MICROPHONE],
  camera_microphone_screen: [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO],
};

// Every field of LiveKit's ParticipantPermission, spelled out: UpdateParticipant replaces the whole
// permission, so a field left out is reset to its zero value (a missing canSubscribe would turn the
// audience deaf). A field LiveKit adds later makes this type fail to compile until it is decided here.
type TFullPermission = { [K in keyof ParticipantPermission as ParticipantPermission[K] extends (...args: never[]) => unknown ? never : K]-?: ParticipantPermission[K] };

/** The permission of a participant who watches, chats and publishes exactly `publish`. */
export function permissionFor(publish: TPublishSources): Omit<TFullPermission, 'getType'> {
  const sources = SOURCES[publish];
  return {
    canSubscribe: true,
    canPublish: sources.length > 0,
    canPublishData: true,
    canPublishSources: [...sources],
    hidden: false,
    recorder: false,
    canUpdateMetadata: false,
    agent: false,
    canSubscribeMetrics: false,
    canManageAgentSession: false,
  };
}

/**
 * Changes what a connected participant may publish, on the LiveKit server (a stage request
 * accepted, "Deactivate mic & camera"). Taking publishing away makes the server unpublish the
 * participant's tracks. LiveKit forgets this when the participant reconnects with a new token, so
 * the caller keeps who is on stage in PostgreSQL and puts it in every token it issues.
 * Throws when LiveKit refuses (e.g. the participant is not in the room): the caller's job retries.
 */
export async function setPublishSources(room: string, identity: string, publish: TPublishSources, config: TVideoConfig | undefined = videoConfig()): Promise<ParticipantInfo> {
  const video = requireVideoConfig(config);
  const client = new RoomServiceClient(serverApiUrl(video.url), video.apiKey, video.apiSecret, { requestTimeout: 5 });
  return client.updateParticipant(room, identity, { permission: permissionFor(publish) });
}
