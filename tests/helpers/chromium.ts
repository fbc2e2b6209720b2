// Chromium's command line for the browser tests (playwright.config.ts) and the extra flags of the
// real-media video tests (tests/e2e/video-livekit.spec.ts).
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A 320×240, 10 frames-per-second clip for Chromium's fake camera: two cores carry the LiveKit
 * server, the app and several browsers, so tests publish small video. A bar moves across it, so
 * every frame differs (a still picture could be encoded into nearly nothing). YUV4MPEG2 is raw
 * 4:2:0 frames after a text header; Chromium loops the file.
 */
export function fakeCameraFile(dir = 'reports'): string {
  const file = path.resolve(dir, 'fake-camera-320x240-10fps.y4m');
  if (existsSync(file)) return file;
  const [w, h, frames] = [320, 240, 20];
  const chunks: Buffer[] = [Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < frames; f++) {
    const y = Buffer.alloc(w * h, 90);
    const bar = Math.floor((f * w) / frames);
    for (let row = 0; row < h; row++) y.fill(220, row * w + bar, row * w + Math.min(w, bar + 24));
    chunks.push(Buffer.from('FRAME\n'), y, Buffer.alloc((w / 2) * (h / 2), 110), Buffer.alloc((w / 2) * (h / 2), 150));
  }
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed into place, so a parallel reader never sees half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat(chunks));
  renameSync(tmp, file);
  return file;
}

export const CHROMIUM_ARGS = [
  // Fake camera (the small clip above) and microphone, permission granted.
  '--use-fake-device-for-media-stream',
  `--use-file-for-fake-video-capture=${fakeCameraFile()}`,
  '--use-fake-ui-for-media-stream',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * WebRTC to the LiveKit server on 127.0.0.1: Chromium normally refuses loopback candidates and
 * hides its own addresses behind mDNS names that nobody on loopback could resolve.
 */
export const REAL_MEDIA_ARGS = ['--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns'];
