// Browser-test server: `next start` on a fresh, empty database that the boot migrates and seeds.
// TEST_DATABASE_URL set → a new PostgreSQL database on that (local) server, dropped on exit;
// otherwise a new temp folder for embedded PGlite, removed on exit. Playwright starts this as
// its webServer and stops it with SIGTERM (see gracefulShutdown in playwright.config.ts).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { LIVEKIT_TEST_KEYS, livekitTestPorts } from './livekit-rig.mjs';

const PORT = process.env.E2E_PORT ?? '3310';
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '::1', '[::1]', ''];
const log = (msg) => console.error(`[e2e-server] ${msg}`);

if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
  log(`no production build in ${distDir}/ — run \`next build\` first (with the same NEXT_DIST_DIR)`);
  process.exit(1);
}

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_ENV: 'production',
  AUTH_SECRET: 'e2e-test-secret-not-for-production-0123456789abcdef',
  AUTH_URL: `http://localhost:${PORT}`,
  AUTH_DEMO_LOGIN: '1',
  SEED_DEMO: '1',
  NEXT_DIST_DIR: distDir,
};
// Video: the test rig's LiveKit server (scripts/livekit-server.mjs, ports from E2E_PORT) with its
// key pair, so tokens and webhooks match. When it does not run, nothing listens at that URL and the
// real-media tests skip. E2E_NO_LIVEKIT=1 starts the app as an installation without video.
if (process.env.E2E_NO_LIVEKIT === '1') {
  for (const k of ['LIVEKIT_URL', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET']) delete env[k];
} else {
  const { apiKey, apiSecret } = LIVEKIT_TEST_KEYS;
  Object.assign(env, { LIVEKIT_URL: livekitTestPorts({ ...process.env, E2E_PORT: PORT }).url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret });
}
// E2E_NO_AUTH_URL=1: a newcomer's installation, which knows its address only from each request.
if (process.env.E2E_NO_AUTH_URL === '1') delete env.AUTH_URL;
// Mail must never leave the machine during tests: the outbox is what the tests read.
delete env.SMTP_URL;
delete env.PORT;

let dropDatabase = async () => {};
let dataDir;
let child;
let serverLog;

let cleaning;
async function cleanUp(code) {
  cleaning ??= (async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 8_000);
      await new Promise((resolve) => child.once('exit', resolve));
      clearTimeout(killer);
    }
    try {
      await dropDatabase();
    } catch (err) {
      log(`could not drop the test database: ${err.message}`);
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    serverLog?.end();
    process.exit(code);
  })();
  return cleaning;
}

// Registered before the database exists, so a stop at any moment still cleans up.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void cleanUp(0));

const base = process.env.TEST_DATABASE_URL;
if (base) {
  const url = new URL(base);
  if (!LOCAL_HOSTS.includes(url.hostname)) {
    log(`refusing to create a test database on non-local host "${url.hostname}"`);
    process.exit(1);
  }
  // E2E_DATABASE_NAME: a name the tests know too (playwright.config.ts), else a fresh one.
  const name = process.env.E2E_DATABASE_NAME || `fg_e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  if (!/^fg_e2e_[a-z0-9_]+$/.test(name)) {
    log(`refusing database name "${name}" (fg_e2e_ followed by lower-case letters, digits and _)`);
    process.exit(1);
  }
  dropDatabase = async () => {
    const a = postgres(base, { max: 1, onnotice: () => {} });
    try {
      await a.unsafe(`drop database if exists ${name} with (force)`);
    } finally {
      await a.end();
    }
  };
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  delete env.DATA_DIR;
  delete env.PGLITE_DIR;
  log(`PostgreSQL database ${name}`);
} else {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'fg-e2e-'));
  env.DATA_DIR = dataDir;
  delete env.DATABASE_URL;
  delete env.PGLITE_DIR;
  log(`embedded PGlite in ${dataDir}`);
}

// Run Next's CLI with node directly (no npx/sh in between), so signals reach the server itself.
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
mkdirSync('reports', { recursive: true });
serverLog = createWriteStream(path.join('reports', PORT === '3310' ? 'e2e-server.log' : `e2e-server-${PORT}.log`));
child = spawn(process.execPath, [nextBin, 'start', '-p', PORT], { env, stdio: ['ignore', 'pipe', 'pipe'] });
child.stdout.on('data', (chunk) => {
  serverLog.write(chunk);
  if (/Ready in|✓ Ready/.test(String(chunk))) log(`serving http://localhost:${PORT} from ${distDir}/`);
});
// Errors stay visible in the test output; everything is also kept in reports/e2e-server.log.
child.stderr.on('data', (chunk) => {
  serverLog.write(chunk);
  process.stderr.write(chunk);
});

child.on('exit', (code, signal) => {
  if (!cleaning) {
    // A signal to the whole process group (Playwright's shutdown) may reach the server first.
    if (signal === 'SIGTERM' || signal === 'SIGINT') return void cleanUp(0);
    log(`next start exited (${signal ?? code}) before the tests finished`);
    void cleanUp(code || 1);
  }
});
