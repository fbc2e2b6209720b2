// npm run bench:live — hint latency through /api/live of the production server, against a bare
// node:http SSE server fed by one LISTEN connection (the floor any SSE fan-out could reach).
//
//   npm run bench:live -- --clients 1000 --hints 200
//   env: DATABASE_URL (admin URL of a local PostgreSQL), LIVE_CLIENTS, LIVE_HINTS,
//        NEXT_DIST_DIR (serve another build than .next), LIVE_PROFILE_DIR (CPU-profile the servers),
//        BENCH_PORT (serve on BENCH_PORT and BENCH_PORT+1 instead of any free port)
//
// The reference server (bench/lib/raw-sse-server.ts) is a child process, so it never shares an
// event loop with the clients — just like the Next server.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { and, eq } from 'drizzle-orm';
import { openPostgres } from '@/db/client';
import { registrations, users } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics, type TTopic } from '@/lib/live/topics';
import { freshDatabase } from './lib/database';
import { startRawServer } from './lib/raw-sse-server';
import { startDemoFairServer } from './lib/demo-fair';
import { benchPort, checkFileLimit, ensureBuild, stopChild, type TChild } from './lib/server';
import { mintSessionCookies, newAuthSecret } from './lib/sessions';
import { openStreams } from './lib/sse';
import { intOption, sleep } from './lib/options';
import { loadAverage, ms, percentile } from './lib/stats';
import { runBench, teardown } from './lib/teardown';

const MIGRATIONS = path.resolve('db/migrations');
const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';
const WARMUP_HINTS = 10;
const DEADLINE_MS = 15 * 60_000;

type Options = { clients: number; hints: number };

function readOptions(): Options {
  return { clients: intOption('clients', 1000, 'LIVE_CLIENTS'), hints: intOption('hints', 200, 'LIVE_HINTS') };
}

type Server = TChild;

// ---------------------------------------------------------------------------------------------
// SSE clients

type Clients = {
  /** Arrival time (performance.now) of hint `seq` at client `c`: recv[c * hints + seq]. */
  recv: Float64Array;
  duplicates: number;
  close(): void;
};

async function connectClients(port: number, topic: TTopic, cookies: string[], hints: number): Promise<Clients> {
  const recv = new Float64Array(cookies.length * hints).fill(Number.NaN);
  const state = { duplicates: 0 };
  const pool = await openStreams(port, cookies.length, {
    path: () => `/api/live?topics=${topic}`,
    cookie: (c) => cookies[c]!,
    onEvent: (c, e) => {
      if (e.event !== 'message') return;
      const seq = (JSON.parse(e.data) as { ids?: { bench?: number } }).ids?.bench;
      if (typeof seq !== 'number' || seq < 0 || seq >= hints) return;
      const k = c * hints + seq;
      if (Number.isNaN(recv[k])) recv[k] = e.at;
      else state.duplicates++;
    },
  });
  return {
    recv,
    get duplicates() {
      return state.duplicates;
    },
    close: pool.close,
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
  const pct = percentile;
  return {
    delivered: latencies.length,
    lost: clientCount * hints - latencies.length,
    p50: pct(latencies, 50),
    p90: pct(latencies, 90),
    p99: pct(latencies, 99),
    max: latencies.length ? latencies.reduce((a, b) => Math.max(a, b)) : Number.NaN,
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
    return { ...stats, connectMs, duplicates: clients.duplicates, serverCpuMs, clientCpuMs, load: Number(loadAverage()) };
  } finally {
    clients.close();
  }
}

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
  return mintSessionCookies(pub.db, secret, Array.from({ length: count }, (_, i) => talents[i % talents.length]!));
}

async function main(): Promise<void> {
  const opts = readOptions();
  // The bench process holds one socket per client (both phases never overlap) plus a few.
  checkFileLimit(opts.clients + 256);
  ensureBuild(DIST_DIR);

  const cleanup = teardown('bench:live', DEADLINE_MS);
  const database = await freshDatabase('fg_bench');
  cleanup.add(() => database.drop());
  try {
    const pub = openPostgres(database.url, MIGRATIONS, 2);
    cleanup.add(() => pub.close());
    const secret = newAuthSecret();

    const { server: next, eventId } = await startDemoFairServer(pub.db, { distDir: DIST_DIR, port: await benchPort(0), env: { DATABASE_URL: database.url, AUTH_SECRET: secret, AUTH_DEMO_LOGIN: '1' } });
    cleanup.add(() => stopChild(next));
    const topic = topics.event(eventId);
    const cookies = await mintCookies(pub, eventId, secret, opts.clients);
    console.log(`next: serving ${DIST_DIR} on port ${next.port}, topic ${topic}`);
    const nextResult = await measure('next', next, pub, topic, cookies, opts.hints);
    await stopChild(next);

    const raw = await startRawServer(database.url, await benchPort(1));
    cleanup.add(() => stopChild(raw));
    const rawResult = await measure('raw', raw, pub, topic, cookies, opts.hints);

    console.log(formatResult('next', nextResult, opts.clients, opts.hints));
    console.log(formatResult('raw ', rawResult, opts.clients, opts.hints));
    const ratio = nextResult.p99 / rawResult.p99;
    console.log(
      `live: p50 ${ms(nextResult.p50)} ms, p99 ${ms(nextResult.p99)} ms, ${opts.clients} clients, ` +
        `${nextResult.lost} lost, ratio ${ratio.toFixed(2)} of raw p99`,
    );
  } finally {
    await cleanup.run();
  }
}

await runBench(main);
