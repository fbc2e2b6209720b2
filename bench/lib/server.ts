import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { spawnLogged, stopChild, type TChild } from '../../tests/helpers/child-process';
import { sleep } from './options';

export { stopChild, type TChild };

export const HOST = '127.0.0.1';
export const NEXT_BIN = path.resolve('node_modules/next/dist/bin/next');

/** A port nobody listens on right now (the kernel picks it). */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, HOST, r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Fails early when this process may not open `sockets` files (`ulimit -n`). */
export function checkFileLimit(sockets: number): void {
  const out = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim();
  const limit = out === 'unlimited' ? Infinity : Number(out);
  if (Number.isFinite(limit) && limit < sockets) throw new Error(`open-file limit ${limit} is too low for ${sockets} sockets; raise it (ulimit -n ${sockets * 2})`);
  console.log(`open-file limit: ${out}`);
}

/** BENCH_PORT + offset when BENCH_PORT is set (a machine shared by several people), else any free port. */
export async function benchPort(offset: number): Promise<number> {
  const base = Number.parseInt(process.env.BENCH_PORT ?? '', 10);
  return Number.isFinite(base) && base > 0 ? base + offset : freePort();
}

/**
 * Builds the app into `distDir` with `next build` unless a build is there already (or `force`).
 * `cwd` builds another app (the pages benchmark's reference app).
 */
export function ensureBuild(distDir: string, { force = false, cwd = process.cwd() } = {}): void {
  if (!force && existsSync(path.join(cwd, distDir, 'BUILD_ID'))) return;
  console.log(`building ${path.relative(process.cwd(), path.join(cwd, distDir)) || distDir} with next build…`);
  const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
    cwd,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir },
  });
  if (build.status !== 0) throw new Error(`next build into ${distDir} failed`);
}

/**
 * The id of a server action in a production build, as a browser sends it (`Next-Action`):
 * looked up in the build's server-reference manifest by the file and the exported name.
 */
export function actionId(distDir: string, filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename === filename && a.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} of ${filename} in ${distDir}`);
  return found[0];
}

/** Waits until `check` holds, failing early (with the child's last output) when the child exits. */
export async function waitFor(what: string, s: TChild, ms: number, check: () => Promise<boolean>): Promise<void> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(250)) {
    if (s.child.exitCode !== null) throw new Error(`${s.name} exited (${s.child.exitCode}):\n${s.log.join('').slice(-3000)}`);
    if (await check().catch(() => false)) return;
  }
  throw new Error(`${s.name}: timed out waiting for ${what}:\n${s.log.join('').slice(-3000)}`);
}

/** The status of a GET (no cookies), for readiness checks. */
export function getStatus(port: number, pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: HOST, port, path: pathname, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** A node child of the bench; BENCH_PROFILE_DIR=dir writes a V8 CPU profile of it into dir/<name>. */
export function startChild(name: string, args: string[], env: NodeJS.ProcessEnv, port: number): TChild {
  const dir = process.env.BENCH_PROFILE_DIR ?? process.env.LIVE_PROFILE_DIR;
  const prof = dir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(dir, name)}`] : [];
  return spawnLogged(name, [...prof, ...args], env, port);
}

export type TNextOptions = {
  distDir: string;
  port: number;
  /** The app's environment (DATABASE_URL, AUTH_SECRET, …) on top of the bench's own. */
  env: Record<string, string>;
  /** Another app than this one (its folder). */
  cwd?: string;
  name?: string;
};

/**
 * `next start` of a production build, as its own process group; resolves once `/` answers
 * (the app migrates and seeds at boot, so the first answer may take a while).
 */
export async function startNext({ distDir, port, env, cwd, name = 'next' }: TNextOptions): Promise<TChild> {
  const server = startChild(
    name,
    [NEXT_BIN, 'start', ...(cwd ? [cwd] : []), '-p', String(port), '-H', HOST],
    { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: distDir, PORT: String(port), AUTH_URL: `http://${HOST}:${port}`, ...env },
    port,
  );
  try {
    await waitFor(`${name} to answer`, server, 180_000, async () => (await getStatus(port, '/')) < 500);
  } catch (err) {
    await stopChild(server);
    throw err;
  }
  return server;
}
