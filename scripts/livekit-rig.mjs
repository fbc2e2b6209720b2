// The real LiveKit server of the test rig: its pinned version, where its binary lives, the keys the
// app under test shares with it, and its ports. Shared by scripts/livekit-server.mjs (builds and
// starts it), scripts/e2e-server.mjs (points the app at it), playwright.config.ts and the tests.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The LiveKit server the tests run against; docker-compose.yml and docs/self-hosting.md use the same. */
export const LIVEKIT_VERSION = 'v1.13.5';

/** Test-only key pair (the app under test signs tokens and checks webhooks with it). */
export const LIVEKIT_TEST_KEYS = { apiKey: 'e2e-key', apiSecret: 'e2e-livekit-secret-not-for-production-0123' };

/**
 * `go install` puts the binary (named `server`) into a versioned folder of the user's cache, so
 * every checkout on a machine reuses one build. LIVEKIT_SERVER_BIN names another binary.
 */
export function livekitBinary(env = process.env) {
  if (env.LIVEKIT_SERVER_BIN) return env.LIVEKIT_SERVER_BIN;
  const cache = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'fairground', `livekit-server-${LIVEKIT_VERSION}`, 'server');
}

export const hasLivekitBinary = (env = process.env) => existsSync(livekitBinary(env));

/**
 * Every port follows from E2E_PORT, so checkouts that run browser tests side by side (each with
 * its own E2E_PORT, two apart at least: the app uses E2E_PORT and E2E_PORT + 1) never share one.
 * CI's E2E_PORT 3310 gives LiveKit's usual 7880 (signalling and server API) and 7881 (ICE/TCP).
 * The UDP range sits below Linux's ephemeral ports (32768+), 16 ports per E2E_PORT modulo 1000.
 * LIVEKIT_TEST_PORT (signalling; ICE/TCP is the next port) and LIVEKIT_TEST_UDP_PORTS ("a-b")
 * override them.
 */
export function livekitTestPorts(env = process.env) {
  const e2ePort = Number(env.E2E_PORT ?? 3310);
  const signal = Number(env.LIVEKIT_TEST_PORT ?? e2ePort + 4570);
  const udpStart = 20000 + (e2ePort % 1000) * 16;
  const [udpFrom, udpTo] = (env.LIVEKIT_TEST_UDP_PORTS ?? `${udpStart}-${udpStart + 15}`).split('-').map(Number);
  if (![e2ePort, signal, udpFrom, udpTo].every((p) => Number.isInteger(p) && p > 0 && p < 65536) || udpTo < udpFrom) {
    throw new Error(`LiveKit test ports out of range (E2E_PORT=${env.E2E_PORT}, LIVEKIT_TEST_PORT=${env.LIVEKIT_TEST_PORT}, LIVEKIT_TEST_UDP_PORTS=${env.LIVEKIT_TEST_UDP_PORTS})`);
  }
  return { e2ePort, signal, tcp: signal + 1, udp: [udpFrom, udpTo], url: `ws://127.0.0.1:${signal}` };
}
