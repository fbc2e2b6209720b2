import { TokenVerifier } from 'livekit-server-sdk';
import { closeRoom, serverApiUrl } from '@/lib/video/close-room';
import { LIVEKIT_TEST } from '../helpers/livekit';
import { startTwirpStandIn } from '../helpers/twirp-stand-in';

// The server-API client against a local stand-in that records its Twirp calls: the exact request and
// the error paths a real server rarely shows (a 404, a server that does not answer). The real
// server's DeleteRoom is exercised by tests/e2e/video-livekit.spec.ts.
const CHAT = '3f1c2a4e-8b7d-4c1e-9f2a-5b6c7d8e9f01';

test('the browser URL maps to the server API URL', () => {
  expect(serverApiUrl('wss://video.example.org')).toBe('https://video.example.org');
  expect(serverApiUrl('ws://localhost:7880')).toBe('http://localhost:7880');
});

test('closing a room calls DeleteRoom for that room, signed with a room-admin token', async () => {
  const lk = await startTwirpStandIn();
  try {
    expect(await closeRoom(`chat-${CHAT}`, { ...LIVEKIT_TEST, url: lk.url })).toBe('closed');
    expect(lk.calls).toHaveLength(1);
    const [call] = lk.calls;
    expect(call!.path).toBe('/twirp/livekit.RoomService/DeleteRoom');
    expect(call!.body).toEqual({ room: `chat-${CHAT}` });
    const claims = await new TokenVerifier(LIVEKIT_TEST.apiKey, LIVEKIT_TEST.apiSecret).verify(call!.authorization!.replace(/^Bearer /, ''));
    expect(claims.video?.roomCreate).toBe(true);
  } finally {
    await lk.close();
  }
});

test('a room that never opened, or a server that does not answer, never fails the caller', async () => {
  const lk = await startTwirpStandIn(() => ({ status: 404, body: { code: 'not_found', msg: 'room not found' } }));
  try {
    expect(await closeRoom(`chat-${CHAT}`, { ...LIVEKIT_TEST, url: lk.url })).toBe('skipped');
  } finally {
    await lk.close();
  }
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  expect(await closeRoom(`chat-${CHAT}`, { ...LIVEKIT_TEST, url: lk.url })).toBe('failed');
  expect(warn).toHaveBeenCalledWith(expect.stringContaining(`could not close the LiveKit room chat-${CHAT}`));
  warn.mockRestore();
  expect(await closeRoom(`chat-${CHAT}`, undefined)).toBe('skipped');
});
