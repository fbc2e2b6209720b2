// npm start — builds once if needed, then serves Fairground (migrations and demo seed run at boot).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const started = Date.now();
if (!existsSync('.next/BUILD_ID')) {
  console.log('[fairground] first start: building the app (about a minute)…');
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const port = process.env.PORT ?? '3000';
const server = spawn('npx', ['next', 'start', '-p', port], { stdio: 'inherit' });

// "Ready" comes before the first request has migrated and seeded: report when a page is served.
const url = `http://localhost:${port}/`;
let served = false;
const poll = setInterval(async () => {
  try {
    const res = await fetch(url);
    // Several polls can be in flight while the first page boots: report once.
    if (!res.ok || served) return;
    served = true;
    clearInterval(poll);
    console.log(`[fairground] serving ${url} (${((Date.now() - started) / 1000).toFixed(1)} s since npm start)`);
  } catch {
    // not listening yet
  }
}, 500);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => {
  clearInterval(poll);
  process.exit(code ?? 0);
});
