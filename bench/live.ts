// npm run bench:live — hint latency through /api/live of the production server, against a bare
// node:http SSE server fed by one LISTEN connection (the floor any SSE fan-out could reach).
//
//   npm run bench:live -- --clients 1000 --hints 200
//   env: DATABASE_URL (admin URL of a local PostgreSQL), LIVE_CLIENTS, LIVE_HINTS,
//        NEXT_DIST_DIR (serve another build than .next), LIVE_PROFILE_DIR (CPU-profile the servers)
//
// The same file is the reference server when started with --raw-server (a child process, so
// it never shares an event loop with the clients — just like the Next server).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { openSession } from '@/lib/auth/sessions';
import postgres from 'postgres';
import { openPostgres } from '@/db/client';
import { events, registrations, users } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { LIVE_CHANNEL, topics, type TTopic } from '@/lib/live/topics';
import { spawnLogged, stopChild, type TChild } from '../tests/helpers/child-process';
import { assertLocalDatabase } from '../tests/helpers/test-db';

const HOST = '127.0.0.1';
const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';
const MIGRATIONS = path.resolve('db/migrations');
const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';
const NEXT_BIN = path.resolve('node_modules/next/dist/bin/next');
// The cookie Auth.js reads over plain http; its name is also the salt of the session JWE.
const SESSION_COOKIE = 'authjs.session-token';
const WARMUP_HINTS = 10;
const DEADLINE_MS = 15 * 60_000;

type Options = { clients: number; hints: number };

function readOptions(): Options {
  const flag = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const int = (v: string | undefined, fallback: number) => {
    const n = Number.parseInt(v ?? '', 10);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    clients: int(flag('clients') ?? process.env.LIVE_CLIENTS, 1000),
    hints: int(flag('hints') ?? process.env.LIVE_HINTS, 200),
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, HOST, r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

// ---------------------------------------------------------------------------------------------
// Reference server (child process)

async function serveRaw(): Promise<void> {
  const sql = postgres(process.env.RAW_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const byTopic = new Map<string, Set<http.ServerResponse>>();
  await sql.listen(LIVE_CHANNEL, (payload) => {
    const topic = /"topic":"([^"]+)"/.exec(payload)?.[1];
    const subs = topic ? byTopic.get(topic) : undefined;
    if (!subs) return;
    const frame = Buffer.from(`data: ${payload}\n\n`);
    for (const res of subs) res.write(frame);
  });
  const server = http.createServer((req, res) => {
    const list = new URL(req.url ?? '/', 'http://x').searchParams.get('topics')?.split(',') ?? [];
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform' });
    for (const t of list) {
      if (!byTopic.has(t)) byTopic.set(t, new Set());
      byTopic.get(t)!.add(res);
    }
    res.on('close', () => list.forEach((t) => byTopic.get(t)?.delete(res)));
    res.write('retry: 2000\nevent: ready\ndata: {}\n\n');
  });
  server.listen(Number(process.env.RAW_PORT), HOST, () => console.log('raw-ready'));
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close();
    void sql.end({ timeout: 1 }).finally(() => process.exit(0));
  });
}

// ---------------------------------------------------------------------------------------------
// Processes

type Server = TChild;

function startChild(name: string, args: string[], env: NodeJS.ProcessEnv, port: number): Server {
  // LIVE_PROFILE_DIR=dir writes a V8 CPU profile of each server into dir (when it stops).
  const prof = process.env.LIVE_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.join(process.env.LIVE_PROFILE_DIR, name)}`] : [];
  return spawnLogged(name, [...prof, ...args], env, port);
}

async function waitFor(what: string, s: Server, ms: number, check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (s.child.exitCode !== null) throw new Error(`${s.name} exited (${s.child.exitCode}):\n${s.log.join('').slice(-3000)}`);
    if (await check().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`${s.name}: timed out waiting for ${what}:\n${s.log.join('').slice(-3000)}`);
}

function getStatus(port: number, pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: HOST, port, path: pathname, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------
// SSE clients

type Clients = {
  /** Arrival time (performance.now) of hint `seq` at client `c`: recv[c * hints + seq]. */
  recv: Float64Array;
  duplicates: number;
  close(): void;
};

async function connectClients(port: number, topic: TTopic, cookies: string[], hints: number): Promise<Clients> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const recv = new Float64Array(cookies.length * hints).fill(Number.NaN);
  const requests: http.ClientRequest[] = [];
  const state = { duplicates: 0 };

  const connectOne = (c: number) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(
        { host: HOST, port, agent, path: `/api/live?topics=${topic}`, headers: { Cookie: cookies[c]!, Accept: 'text/event-stream' } },
        (res) => {
          if (res.statusCode !== 200) {
            let body = '';
            res.on('data', (d) => (body += d));
            res.on('end', () => reject(new Error(`client ${c}: HTTP ${res.statusCode} ${body.slice(0, 300)}`)));
            return;
          }
          res.setEncoding('utf8');
          let buf = '';
          res.on('data', (chunk: string) => {
            const now = performance.now();
            buf += chunk;
            for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
              const frame = buf.slice(0, i);
              buf = buf.slice(i + 2);
              let event = 'message';
              let data = '';
              for (const line of frame.split('\n')) {
                if (line.startsWith('event:')) event = line.slice(6).trim();
                else if (line.startsWith('data:')) data += line.slice(5).trimStart();
              }
              if (event === 'ready') {
                req.setTimeout(0);
                resolve();
              } else if (event === 'message' && data) {
                const seq = (JSON.parse(data) as { ids?: { bench?: number } }).ids?.bench;
                if (typeof seq !== 'number' || seq < 0 || seq >= hints) continue;
                const k = c * hints + seq;
                if (Number.isNaN(recv[k])) recv[k] = now;
                else state.duplicates++;
              }
            }
          });
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error(`client ${c}: no ready within 60 s`)));
      req.on('error', reject);
      requests.push(req);
    });

  // A bounded number of handshakes in flight: each one is a session check and two queries.
  let next = 0;
  const worker = async () => {
    while (next < cookies.length) {
      const c = next++;
      await connectOne(c);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(64, cookies.length) }, worker));
  } catch (err) {
    requests.forEach((r) => r.destroy());
    agent.destroy();
    throw err;
  }
  return {
    recv,
    get duplicates() {
      return state.duplicates;
    },
    close() {
      requests.forEach((r) => r.destroy());
      agent.destroy();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring

type Publisher = ReturnType<typeof openPostgres>;

type Result = {
  connectMs: number;
  delivered: number;
  lost: number;
  duplicates: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Per hint: latency of the first client to get it, and first-to-last client. */
  firstP50: number;
  firstP99: number;
  spreadP50: number;
  spreadP99: number;
  /** CPU used per hint while hints were sent, by the server and by this (client) process. */
  serverCpuMs: number;
  clientCpuMs: number;
  /** 1-minute load average when the hints were done: other work on the machine skews latency. */
  load: number;
};

/** CPU time (ms) a process has used so far, from /proc (Linux); NaN elsewhere. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

type Latencies = Pick<Result, 'delivered' | 'lost' | 'p50' | 'p90' | 'p99' | 'max' | 'firstP50' | 'firstP99' | 'spreadP50' | 'spreadP99'>;

/** Latency = arrival at a client − return of the COMMIT that sent the hint. */
function summarize(recv: Float64Array, committed: Float64Array, clientCount: number): Latencies {
  const hints = committed.length;
  const latencies: number[] = [];
  const first: number[] = [];
  const spread: number[] = [];
  for (let seq = 0; seq < hints; seq++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let c = 0; c < clientCount; c++) {
      const t = recv[c * hints + seq]!;
      if (Number.isNaN(t)) continue;
      latencies.push(t - committed[seq]!);
      lo = Math.min(lo, t);
      hi = Math.max(hi, t);
    }
    if (lo <= hi) {
      first.push(lo - committed[seq]!);
      spread.push(hi - lo);
    }
  }
  for (const list of [latencies, first, spread]) list.sort((a, b) => a - b);
  const pct = (list: number[], p: number) => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))] ?? Number.NaN;
  return {
    delivered: latencies.length,
    lost: clientCount * hints - latencies.length,
    p50: pct(latencies, 50),
    p90: pct(latencies, 90),
    p99: pct(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    firstP50: pct(first, 50),
    firstP99: pct(first, 99),
    spreadP50: pct(spread, 50),
    spreadP99: pct(spread, 99),
  };
}

async function measure(
  label: string,
  server: Server,
  pub: Publisher,
  topic: TTopic,
  cookies: string[],
  hints: number,
): Promise<Result> {
  const t0 = performance.now();
  const clients = await connectClients(server.port, topic, cookies, hints);
  const connectMs = performance.now() - t0;
  console.log(`${label}: ${cookies.length} clients ready in ${(connectMs / 1000).toFixed(1)} s`);
  try {
    // Warm-up hints (not counted) so the first measured hint does not pay for cold code paths.
    for (let i = 0; i < WARMUP_HINTS; i++) {
      await pub.db.transaction((tx) => publishHint(tx, topic, { warmup: i }));
      await sleep(30);
    }
    await sleep(500);

    const committed = new Float64Array(hints);
    const cpu0 = { server: processCpuMs(server.child.pid!), client: process.cpuUsage() };
    for (let seq = 0; seq < hints; seq++) {
      // One transaction per hint: the NOTIFY leaves PostgreSQL when this COMMIT does.
      await pub.db.transaction((tx) => publishHint(tx, topic, { bench: seq }));
      committed[seq] = performance.now();
      await sleep(20 + Math.random() * 30);
    }
    const expected = cookies.length * hints;
    const countReceived = () => clients.recv.reduce((n, t) => (Number.isNaN(t) ? n : n + 1), 0);
    // Lost = not delivered within 10 s of the last COMMIT.
    for (let waited = 0; waited < 10_000 && countReceived() < expected; waited += 50) await sleep(50);
    const clientCpu = process.cpuUsage(cpu0.client);
    const serverCpuMs = (processCpuMs(server.child.pid!) - cpu0.server) / hints;
    const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000 / hints;

    const stats = summarize(clients.recv, committed, cookies.length);
    return { ...stats, connectMs, duplicates: clients.duplicates, serverCpuMs, clientCpuMs, load: os.loadavg()[0]! };
  } finally {
    clients.close();
  }
}

const ms = (v: number) => v.toFixed(1);

function formatResult(label: string, r: Result, clients: number, hints: number): string {
  return (
    `${label}: ${clients} clients × ${hints} hints — delivered ${r.delivered}/${clients * hints}, lost ${r.lost}, ` +
    `duplicates ${r.duplicates}; latency p50 ${ms(r.p50)} ms, p90 ${ms(r.p90)} ms, p99 ${ms(r.p99)} ms, max ${ms(r.max)} ms; ` +
    `first client p50/p99 ${ms(r.firstP50)}/${ms(r.firstP99)} ms, fan-out spread p50/p99 ${ms(r.spreadP50)}/${ms(r.spreadP99)} ms; ` +
    `CPU per hint: server ${ms(r.serverCpuMs)} ms, clients ${ms(r.clientCpuMs)} ms; load average ${r.load.toFixed(2)}`
  );
}

// ---------------------------------------------------------------------------------------------
// Main

function checkFileLimit(clients: number): void {
  const out = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim();
  const limit = out === 'unlimited' ? Infinity : Number(out);
  // The bench process holds one socket per client (both phases never overlap) plus a few.
  if (Number.isFinite(limit) && limit < clients + 256) {
    throw new Error(`open-file limit ${limit} is too low for ${clients} clients; raise it (ulimit -n ${clients * 2 + 512})`);
  }
  console.log(`open-file limit: ${out}`);
}

function ensureBuild(): void {
  if (existsSync(path.join(DIST_DIR, 'BUILD_ID'))) return;
  console.log(`no build in ${DIST_DIR}: running next build…`);
  const build = spawnSync(process.execPath, [NEXT_BIN, 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error('next build failed');
}

const childEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  ...extra,
});

/** The production server, booted on the bench database; resolves once the demo fair is seeded. */
async function startNext(dbUrl: string, secret: string, pub: Publisher): Promise<{ server: Server; eventId: string }> {
  const port = await freePort();
  const env = childEnv({ DATABASE_URL: dbUrl, AUTH_SECRET: secret, SEED_DEMO: '1', AUTH_DEMO_LOGIN: '1', PORT: String(port) });
  const server = startChild('next', [NEXT_BIN, 'start', '-p', String(port), '-H', HOST], env, port);
  let eventId: string | undefined;
  await waitFor('the seeded demo fair', server, 180_000, async () => {
    if ((await getStatus(port, '/')) !== 200) return false;
    const [fair] = await pub.db.select({ id: events.id }).from(events).where(eq(events.slug, 'demo-fair'));
    eventId = fair?.id;
    return !!eventId;
  });
  return { server, eventId: eventId! };
}

async function startRaw(dbUrl: string): Promise<Server> {
  const port = await freePort();
  const self = fileURLToPath(import.meta.url);
  const env = childEnv({ RAW_DATABASE_URL: dbUrl, RAW_PORT: String(port) });
  const server = startChild('raw', [...process.execArgv, self, '--raw-server'], env, port);
  await waitFor('the reference server', server, 30_000, async () => server.log.join('').includes('raw-ready'));
  return server;
}

/** One session cookie per client, spread over the talents registered to the fair. */
async function mintCookies(pub: Publisher, eventId: string, secret: string, count: number): Promise<string[]> {
  const talents = await pub.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .where(and(eq(registrations.eventId, eventId), eq(registrations.role, 'talent')))
    .orderBy(users.id);
  if (talents.length === 0) throw new Error('no registered talents in the demo fair');
  console.log(`minting ${count} session cookies for ${talents.length} registered talents`);
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const t = talents[i % talents.length]!;
      // Sessions are rows now (lib/auth/sessions): the cookie names one.
      const sid = await openSession(pub.db, t.id);
      const token = await encode({ token: { sub: t.id, name: t.name, email: t.email, sid, via: 'email' }, secret, salt: SESSION_COOKIE });
      return `${SESSION_COOKIE}=${token}`;
    }),
  );
}

async function main(): Promise<void> {
  const opts = readOptions();
  checkFileLimit(opts.clients);
  const adminUrl = process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL;
  assertLocalDatabase(adminUrl);
  ensureBuild();

  const dbName = `fg_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  let pub: Publisher | undefined;
  const servers: Server[] = [];

  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await Promise.allSettled(servers.map(stopChild));
      await pub?.close().catch(() => {});
      await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch((e) => console.error(`could not drop ${dbName}:`, e));
      await admin.end({ timeout: 2 }).catch(() => {});
    })());
  // Bounded: whatever hangs, the servers are stopped and the database is dropped.
  const deadline = setTimeout(() => {
    console.error(`bench:live: gave up after ${DEADLINE_MS / 60_000} minutes`);
    void cleanup().finally(() => process.exit(1));
  }, DEADLINE_MS);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void cleanup().finally(() => process.exit(130)));

  try {
    await admin.unsafe(`create database ${dbName}`);
    pub = openPostgres(dbUrl, MIGRATIONS, 2);
    const secret = randomBytes(33).toString('base64');

    const { server: next, eventId } = await startNext(dbUrl, secret, pub);
    servers.push(next);
    const topic = topics.event(eventId);
    const cookies = await mintCookies(pub, eventId, secret, opts.clients);
    console.log(`next: serving ${DIST_DIR} on ${HOST}:${next.port}, topic ${topic}`);
    const nextResult = await measure('next', next, pub, topic, cookies, opts.hints);
    await stopChild(next);

    const raw = await startRaw(dbUrl);
    servers.push(raw);
    const rawResult = await measure('raw', raw, pub, topic, cookies, opts.hints);

    console.log(formatResult('next', nextResult, opts.clients, opts.hints));
    console.log(formatResult('raw ', rawResult, opts.clients, opts.hints));
    const ratio = nextResult.p99 / rawResult.p99;
    console.log(
      `live: p50 ${ms(nextResult.p50)} ms, p99 ${ms(nextResult.p99)} ms, ${opts.clients} clients, ` +
        `${nextResult.lost} lost, ratio ${ratio.toFixed(2)} of raw p99`,
    );
  } finally {
    await cleanup();
    clearTimeout(deadline);
  }
}

if (process.argv.includes('--raw-server')) {
  await serveRaw();
} else {
  await main().then(
    () => process.exit(0),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
