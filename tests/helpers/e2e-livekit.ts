// Helpers for the real-media browser tests (tests/e2e/video-livekit.spec.ts): the rig's LiveKit
// server, its SDK in a bare page, checks that a <video> really plays, and the one database write
// a walk needs (ending a chat's time, which no screen can do).
import { createRequire } from 'node:module';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { AccessToken, type VideoGrant } from 'livekit-server-sdk';
import postgres from 'postgres';
import { LIVEKIT_TEST_KEYS, hasLivekitBinary, livekitTestPorts } from '../../scripts/livekit-rig.mjs';
import type { TVideoConfig } from '@/lib/video/video-config';

export const LIVEKIT = livekitTestPorts(process.env);
export const LIVEKIT_CONFIG: TVideoConfig = { url: LIVEKIT.url, ...LIVEKIT_TEST_KEYS };

/** Why the real-media tests cannot run here, or undefined when they can. */
export function livekitMissing(): string | undefined {
  if (!hasLivekitBinary()) return 'no LiveKit server binary — run `node scripts/livekit-server.mjs ensure` (needs Go) to build it';
  return undefined;
}

/** Why this walk cannot run on this database, or undefined (ending a chat's time needs PostgreSQL). */
export function endingChatsMissing(): string | undefined {
  return process.env.TEST_DATABASE_URL ? undefined : 'ending a chat early needs TEST_DATABASE_URL (PostgreSQL): the embedded database belongs to the app process';
}

/**
 * Moves a chat's time so that it ends now: a walk cannot wait 15 minutes for a slot to pass.
 * Its start moves 5 minutes back, so a join recorded a moment ago still counts as on time.
 */
export async function endChatNow(chatId: string): Promise<void> {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(url.hostname)) throw new Error(`refusing a non-local database (${url.hostname})`);
  url.pathname = `/${process.env.E2E_VIDEO_DATABASE}`;
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    // The slot moves with it: the database holds a confirmed chat to its slot's times (migration 0011).
    const rows = await sql`with moved as (
        update slots set starts_at = now() - interval '5 minutes', ends_at = now()
        where id = (select slot_id from chat_requests where id = ${chatId}))
      update chat_requests set starts_at = now() - interval '5 minutes', ends_at = now() where id = ${chatId} and status = 'confirmed' returning id`;
    expect(rows).toHaveLength(1);
  } finally {
    await sql.end();
  }
}

/** A token signed with the rig's key, for SDK-level tests (the app's route issues the real ones). */
export async function mintToken(identity: string, grant: VideoGrant, ttl: string | number = '5m'): Promise<string> {
  const at = new AccessToken(LIVEKIT_TEST_KEYS.apiKey, LIVEKIT_TEST_KEYS.apiSecret, { identity, name: identity, ttl });
  at.addGrant(grant);
  return at.toJwt();
}

declare global {
  interface Window {
    // livekit-client's UMD build; typed loosely: the page code below runs in the browser.
    LivekitClient: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    room: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
}

/**
 * A bare page with LiveKit's browser SDK loaded as `window.LivekitClient`, for what the app's own
 * call page does not do yet. It is the LiveKit server's own "OK" page: a real loopback origin, so
 * a secure context for camera and WebRTC (a page made up by the test counts as a public address,
 * and Chromium then blocks its requests to loopback).
 */
export async function openSdkPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${LIVEKIT.signal}/`);
  // The package's "require" entry is its UMD build, which defines window.LivekitClient.
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('livekit-client') });
  return page;
}

/**
 * The longest one LiveKit step may take on a loaded CI machine: both browsers connecting, a camera
 * starting and publishing, the track reaching the other browser (or leaving it), a webhook telling
 * the app. Walks wait for what the step shows, so a quick machine never waits this long.
 */
export const MEDIA_MS = 60_000;

/**
 * A `<video>` really shows the track: it has a picture (videoWidth > 0) and time runs. The element
 * comes once both ends are connected and the track is published and subscribed (MEDIA_MS); its
 * first frame and a running clock follow.
 */
export async function expectPlaying(video: Locator): Promise<void> {
  await expect(video).toBeVisible({ timeout: MEDIA_MS });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 30_000 }).toBeGreaterThan(0);
  const first = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(first + 0.3);
}

/** The tile of someone else's camera (or screen) in the app's call, found by their name. */
export function remoteTile(page: Page, name: string, source: 'camera' | 'screen_share' = 'camera'): Locator {
  return page.locator(`.lk-participant-tile[data-lk-local-participant="false"][data-lk-source="${source}"]`).filter({ hasText: name });
}
