import 'server-only';
import { RoomServiceClient } from 'livekit-server-sdk';
import { serverApiUrl } from './close-room';
import type { TVideoConfig } from './video-config';

/** The participant sids LiveKit has in a room right now (the server API's ListParticipants). */
export type TListParticipants = (room: string) => Promise<string[]>;

export function livekitParticipants(config: TVideoConfig): TListParticipants {
  const client = new RoomServiceClient(serverApiUrl(config.url), config.apiKey, config.apiSecret, { requestTimeout: 5 });
  return async (room) => {
    try {
      return (await client.listParticipants(room)).map((p) => p.sid);
    } catch (err) {
      // A room nobody is in any more does not exist on the server: everyone has left.
      if (/not.?found|does not exist/i.test(String((err as Error)?.message))) return [];
      throw err;
    }
  };
}
