import 'server-only';
import { RoomServiceClient } from 'livekit-server-sdk';
import { serverApiUrl } from './close-room';
import { videoConfig, type TVideoConfig } from './video-config';

/**
 * Disconnects one participant from a room on the LiveKit server (RemoveParticipant): someone
 * moved out of a breakout room. 'not_connected' when they were not there (nothing to do);
 * 'failed' when LiveKit did not answer (the caller's job retries).
 */
export async function removeParticipant(room: string, identity: string, config: TVideoConfig | undefined = videoConfig()): Promise<'removed' | 'not_connected' | 'skipped' | 'failed'> {
  if (!config) return 'skipped';
  const client = new RoomServiceClient(serverApiUrl(config.url), config.apiKey, config.apiSecret, { requestTimeout: 5 });
  try {
    await client.removeParticipant(room, identity);
    return 'removed';
  } catch (err) {
    if (/not.?found|not in room|does not exist/i.test(String((err as Error)?.message))) return 'not_connected';
    console.warn(`[fairground] could not remove ${identity} from the LiveKit room ${room}: ${(err as Error)?.message}`);
    return 'failed';
  }
}
