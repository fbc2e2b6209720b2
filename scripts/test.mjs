// npm test — every check in order: types, unit + component tests, production build, integration
// tests, browser tests. Each stage runs even when an earlier one failed (except browser tests
// after a failed build: they would test a stale build). Ends with one line `N passed, M failed`.
//
// Env: TEST_DATABASE_URL (integration and browser tests on fresh PostgreSQL databases instead of
// PGlite), NEXT_DIST_DIR (build folder), SKIP_BUILD=1 (reuse an existing build), CHROMIUM_PATH,
// E2E_REQUIRED=1 (a missing Chromium, LiveKit server or Go toolchain is a failure, and so is a
// skipped real-media browser test — CI sets it).
//
// Browser tests run against a real LiveKit server on loopback: its pinned binary is built once per
// machine with Go (scripts/livekit-server.mjs ensure) and Playwright starts it beside the app.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const REPORTS = 'reports';
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const bin = (name) => path.join('node_modules', '.bin', name);
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

mkdirSync(REPORTS, { recursive: true });

/** Runs a command with inherited output; resolves to its exit code (a spawn error counts as 1). */
function run(cmd, args, env = baseEnv) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('error', (err) => {
      console.error(`[test] could not start ${cmd}: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Counts from a jest --json report; failed suites (e.g. a file that does not compile) count too. */
function jestCounts(report) {
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Counts from Playwright's json reporter; global errors (e.g. the web server did not start) count too. */
function playwrightCounts(report) {
  const s = report.stats ?? {};
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    failed: (s.unexpected ?? 0) + (report.errors?.length ?? 0),
    skipped: s.skipped ?? 0,
  };
}

/** Skipped tests of the spec files matching `file` in a Playwright json report. */
function skippedIn(report, file) {
  const walk = (suite) =>
    (suite.specs ?? []).reduce((n, spec) => n + (file.test(spec.file ?? suite.file ?? '') ? spec.tests.filter((t) => t.status === 'skipped').length : 0), 0) +
    (suite.suites ?? []).reduce((n, s) => n + walk(s), 0);
  return (report.suites ?? []).reduce((n, s) => n + walk(s), 0);
}

const results = [];

/**
 * One stage. With a report, its counts are the tests in it; without one (tsc, build, or a crash
 * before the report was written) a failed stage counts as 1 failed test.
 */
async function stage(name, cmd, args, { env, report, count } = {}) {
  console.log(`\n━━━ ${name} ━━━`);
  if (report) rmSync(report, { force: true });
  const started = Date.now();
  const code = await run(cmd, args, env);
  const seconds = (Date.now() - started) / 1000;
  const data = report ? readJson(report) : undefined;
  let counts = data ? count(data) : { passed: 0, failed: 0, skipped: 0 };
  if (code !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
  const status = code === 0 ? 'ok' : data ? 'failed' : 'failed (no report)';
  results.push({ name, status, seconds, ...counts });
  return code === 0;
}

function skip(name, why, failed = 0) {
  console.log(`\n━━━ ${name} ━━━\n${why}`);
  const short = why.split('\n')[0];
  results.push({ name, status: failed ? `failed: ${short}` : `skipped: ${short}`, seconds: 0, passed: 0, failed, skipped: 0 });
}

const jest = (projects, name, extraEnv = {}) =>
  stage(`jest ${projects.join(' + ')}`, bin('jest'), [
    '--selectProjects', ...projects,
    '--json', '--outputFile', path.join(REPORTS, `${name}.json`),
    '--passWithNoTests',
  ], { env: { ...baseEnv, ...extraEnv }, report: path.join(REPORTS, `${name}.json`), count: jestCounts });

await stage('typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit']);
await stage('layers (layers.json)', process.execPath, ['scripts/check-layers.mjs']);
await jest(['unit', 'components'], 'jest-unit');

let built = true;
if (process.env.SKIP_BUILD === '1' && existsSync(path.join(distDir, 'BUILD_ID'))) {
  skip('next build', `SKIP_BUILD=1 and ${distDir}/BUILD_ID exists`);
} else {
  built = await stage(`next build (${distDir})`, bin('next'), ['build']);
}

await jest(['integration'], 'jest-integration', {
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' '),
});

const e2eRequired = process.env.E2E_REQUIRED === '1';
if (!existsSync(chromium)) {
  skip(
    'playwright e2e',
    `Chromium not found — skipping browser tests (install Debian's chromium package)` +
      (e2eRequired ? `\nE2E_REQUIRED=1: a missing browser (${chromium}) counts as a failure.` : ''),
    e2eRequired ? 1 : 0,
  );
} else if (!built) {
  skip('playwright e2e', 'the build failed', 0);
} else {
  // The LiveKit server binary (a first build takes minutes); without Go, the real-media tests skip.
  const livekitName = 'livekit server (build once)';
  const livekit = await run(process.execPath, ['scripts/livekit-server.mjs', 'ensure']);
  if (livekit === 0) results.push({ name: livekitName, status: 'ok', seconds: 0, passed: 0, failed: 0, skipped: 0 });
  else {
    skip(
      livekitName,
      (livekit === 3 ? 'no Go toolchain to build the LiveKit server — real-media browser tests are skipped' : 'building the LiveKit server failed — real-media browser tests are skipped') +
        (e2eRequired ? '\nE2E_REQUIRED=1: real-media tests must run, so this counts as a failure.' : ''),
      e2eRequired ? 1 : 0,
    );
  }
  await stage('playwright e2e', bin('playwright'), ['test'], {
    env: { ...baseEnv, CHROMIUM_PATH: chromium },
    report: path.join(REPORTS, 'e2e.json'),
    count: (report) => {
      const counts = playwrightCounts(report);
      // In CI a skipped real-media test is a failure: it is what those tests exist to check.
      const realMediaSkipped = e2eRequired ? skippedIn(report, /video-livekit\.spec\.ts$/) : 0;
      if (realMediaSkipped) console.log(`[test] E2E_REQUIRED=1: ${realMediaSkipped} real-media browser test(s) skipped — counted as failed`);
      return { ...counts, failed: counts.failed + realMediaSkipped, skipped: counts.skipped - realMediaSkipped };
    },
  });
}

const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed }), { passed: 0, failed: 0 });
console.log('\n━━━ summary ━━━');
for (const r of results) {
  const counts = r.passed || r.failed || r.skipped ? ` — ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}` : '';
  console.log(`${r.status.startsWith('ok') ? '✓' : r.status.startsWith('skipped') ? '-' : '✗'} ${r.name.padEnd(34)} ${r.status}${counts} (${r.seconds.toFixed(1)} s)`);
}
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
