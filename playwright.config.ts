import { register } from 'node:module';
import { defineConfig, devices } from '@playwright/test';
import { hasLivekitBinary, livekitTestPorts } from './scripts/livekit-rig.mjs';
import { CHROMIUM_ARGS } from './tests/helpers/chromium';
import { dateIn, DEMO_ZONE } from './tests/helpers/e2e-fair';

// E2E_PORT moves both servers (PORT and PORT + 1), so several checkouts can run browser tests at once.
const PORT = Number(process.env.E2E_PORT ?? 3310);
const NO_VIDEO_PORT = PORT + 1; // tests/e2e/video.spec.ts derives it the same way
const baseURL = `http://localhost:${PORT}`;
// Debian's Chromium; Playwright's own browser downloads are never used.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The real LiveKit server runs when its binary is there (scripts/livekit-server.mjs ensure builds
// it); without it the real-media tests skip and say why (tests/helpers/e2e-livekit.ts).
const livekit = hasLivekitBinary() ? livekitTestPorts({ ...process.env, E2E_PORT: String(PORT) }) : undefined;
// The video app's database name, known to the tests too (workers inherit the runner's env), so a
// real-media walk can end a chat's time on PostgreSQL (tests/helpers/e2e-livekit.ts).
process.env.E2E_VIDEO_DATABASE ??= `fg_e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
// The demo fair's first day, fixed once per run (workers inherit it) and seeded on both servers:
// a run that starts before Berlin midnight and walks after it keeps the days its seed made, and the
// walks name them from here, not from the clock (tests/helpers/e2e-fair.ts).
process.env.E2E_DEMO_FIRST_DAY ??= dateIn(DEMO_ZONE);
// Walks may drive a server module of lib/ directly: 'server-only' resolves to its empty server
// build in the runner and its workers (each loads this file), never in the app servers.
register('./tests/helpers/server-only-hook.mjs', import.meta.url);

export default defineConfig({
  testDir: './tests/e2e',
  // One server, one seeded database: tests share it, so they run one at a time (2-core machines).
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    ...(livekit
      ? [
          {
            // Started first: the app's webhook URL is in its config, and LiveKit retries deliveries.
            command: 'node scripts/livekit-server.mjs',
            env: { E2E_PORT: String(PORT) },
            url: `http://127.0.0.1:${livekit.signal}/`,
            reuseExistingServer: false,
            timeout: 60_000,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
            gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
          },
        ]
      : []),
    {
      command: 'node scripts/e2e-server.mjs',
      env: { E2E_PORT: String(PORT), E2E_DATABASE_NAME: process.env.E2E_VIDEO_DATABASE, SEED_DEMO_FIRST_DAY: process.env.E2E_DEMO_FIRST_DAY },
      url: baseURL,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      // SIGTERM (not Playwright's default SIGKILL) so the script can drop its database.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    },
    {
      // The same build as an installation without LiveKit configured (tests/e2e/video.spec.ts) and
      // without AUTH_URL (tests/e2e/sign-in-lands.spec.ts).
      command: 'node scripts/e2e-server.mjs',
      env: { E2E_PORT: String(NO_VIDEO_PORT), E2E_NO_LIVEKIT: '1', E2E_DATABASE_NAME: '', E2E_NO_AUTH_URL: '1', SEED_DEMO_FIRST_DAY: process.env.E2E_DEMO_FIRST_DAY },
      url: `http://localhost:${NO_VIDEO_PORT}`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    },
  ],
});
