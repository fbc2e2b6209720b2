import { RoomServiceClient } from 'livekit-server-sdk';
import { roomOfChat } from './call';
import { videoConfig, type TVideoConfig } from './video-config';

/** LiveKit's server API speaks HTTP on the same host as the browsers' WebSocket URL. */
export function serverApiUrl(url: string): string {
  return url.replace(/^ws(s?):\/\//, 'http$1://');
}

/**
 * Ends a chat's call on the LiveKit server (everyone in it is disconnected), e.g. once the chat
 * is cancelled. Best effort after the commit: the chat is cancelled whether or not LiveKit answers,
 * and no new token is issued for it anyway.
 */
export async function closeChatRoom(chatId: string, config: TVideoConfig | undefined = videoConfig()): Promise<'closed' | 'skipped' | 'failed'> {
  if (!config) return 'skipped';
  const client = new RoomServiceClient(serverApiUrl(config.url), config.apiKey, config.apiSecret, { requestTimeout: 5 });
  try {
    await client.deleteRoom(roomOfChat(chatId));
    return 'closed';
  } catch (err) {
    // A room that never opened is "not found": nothing to close.
    if (/not.?found/i.test(String((err as Error)?.message))) return 'skipped';
    console.warn(`[fairground] could not close the LiveKit room of chat ${chatId}: ${(err as Error)?.message}`);
    return 'failed';
  }
}
