import 'server-only';
import { RoomServiceClient } from 'livekit-server-sdk';
import { videoConfig, type TVideoConfig } from './video-config';

/** LiveKit's server API speaks HTTP on the same host as the browsers' WebSocket URL. */
export function serverApiUrl(url: string): string {
  return url.replace(/^ws(s?):\/\//, 'http$1://');
}

/**
 * Ends a room on the LiveKit server: everyone in it is disconnected. 'failed' means LiveKit
 * did not answer (the caller's job retries); a room that never opened needs no closing.
 */
export async function closeRoom(room: string, config: TVideoConfig | undefined = videoConfig()): Promise<'closed' | 'skipped' | 'failed'> {
  if (!config) return 'skipped';
  const client = new RoomServiceClient(serverApiUrl(config.url), config.apiKey, config.apiSecret, { requestTimeout: 5 });
  try {
    await client.deleteRoom(room);
    return 'closed';
  } catch (err) {
    // A room that never opened is "not found": nothing to close.
    if (/not.?found/i.test(String((err as Error)?.message))) return 'skipped';
    console.warn(`[fairground] could not close the LiveKit room ${room}: ${(err as Error)?.message}`);
    return 'failed';
  }
}
