import { defineConfig, devices } from '@playwright/test';

// E2E_PORT moves both servers (PORT and PORT + 1), so several checkouts can run browser tests at once.
const PORT = Number(process.env.E2E_PORT ?? 3310);
const NO_VIDEO_PORT = PORT + 1; // tests/e2e/video.spec.ts derives it the same way
const baseURL = `http://localhost:${PORT}`;
// Debian's Chromium; Playwright's own browser downloads are never used.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
      args: [
        // Fake camera and microphone, permission granted: the call's pre-join screen can preview.
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: 'node scripts/e2e-server.mjs',
      env: { E2E_PORT: String(PORT) },
      url: baseURL,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      // SIGTERM (not Playwright's default SIGKILL) so the script can drop its database.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    },
    {
      // The same build as an installation without LiveKit configured (tests/e2e/video.spec.ts).
      command: 'node scripts/e2e-server.mjs',
      env: { E2E_PORT: String(NO_VIDEO_PORT), E2E_NO_LIVEKIT: '1' },
      url: `http://localhost:${NO_VIDEO_PORT}`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    },
  ],
});
