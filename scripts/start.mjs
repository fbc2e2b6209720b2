// npm start — builds once if needed, then serves Fairground (migrations and demo seed run at boot).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const started = Date.now();
if (!existsSync('.next/BUILD_ID')) {
  console.log('[fairground] first start: building the app (about two minutes on a small machine)…');
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const port = process.env.PORT ?? '3000';
const server = spawn('npx', ['next', 'start', '-p', port], { stdio: ['inherit', 'pipe', 'inherit'] });
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (/Ready in/.test(String(chunk))) {
    console.log(`[fairground] serving http://localhost:${port} (${((Date.now() - started) / 1000).toFixed(1)} s since npm start)`);
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
