// npm run bench:session-reads — where one live refetch of the session room spends its time:
// the pieces in-process (session-cookie row, user row, the access check, the query, JSON) and
// the same reads over HTTP through the production server (so Next's own share is the rest),
// beside a bare route of the same server that touches no database.
//
//   npm run bench:session-reads -- --n 300
//   env: DATABASE_URL (admin URL of a local PostgreSQL), NEXT_DIST_DIR
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { decode, encode } from 'next-auth/jwt';
import postgres from 'postgres';
import { openPostgres } from '@/db/client';
import { eventSessions, events, questions, registrations, sessionHosts, users } from '@/db/schema';
import { isSessionActive, openSession } from '@/lib/auth/sessions';
import { loadActor } from '@/lib/auth/actor';
import { listQuestions } from '@/lib/sessions/qa';
import { requireSessionRole } from '@/lib/sessions/permissions';
import { listMessages } from '@/lib/threads';
import { appendMessage } from '@/lib/threads/queries';
import { spawnLogged, stopChild, type TChild } from '../tests/helpers/child-process';
import { assertLocalDatabase } from '../tests/helpers/test-db';

const HOST = '127.0.0.1';
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';
const COOKIE = 'authjs.session-token';
const flag = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const n = Number.parseInt(i >= 0 ? (process.argv[i + 1] ?? '') : '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, HOST, r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Median milliseconds of `fn` over n sequential runs (after a few warm-up runs). */
async function median(n: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 10; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return xs.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

function get(agent: http.Agent, port: number, p: string, cookie: string, body?: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const headers = { Cookie: cookie, ...(data ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } : {}) };
    const req = http.request({ host: HOST, port, path: p, agent, method: data ? 'POST' : 'GET', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(data);
  });
}

async function main(): Promise<void> {
  const n = flag('n', 300);
  assertLocalDatabase(ADMIN_URL);
  if (!existsSync(path.join(DIST_DIR, 'BUILD_ID'))) throw new Error(`no build in ${DIST_DIR}: run next build first`);
  const dbName = `fg_bench_reads_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  let next: TChild | undefined;
  let handle: ReturnType<typeof openPostgres> | undefined;
  try {
    await admin.unsafe(`create database ${dbName}`);
    handle = openPostgres(dbUrl, path.resolve('db/migrations'), 4);
    const db = handle.db;
    const secret = randomBytes(33).toString('base64');
    const port = await freePort();
    const env = { ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: dbUrl, AUTH_SECRET: secret, AUTH_URL: `http://${HOST}:${port}`, SEED_DEMO: '1', PORT: String(port), NEXT_DIST_DIR: DIST_DIR };
    next = spawnLogged('next', [path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', HOST], env, port);
    let eventId = '';
    for (const until = Date.now() + 180_000; !eventId && Date.now() < until; await sleep(250)) {
      const [fair] = await db.select({ id: events.id }).from(events).where(eq(events.slug, 'demo-fair')).catch(() => []);
      eventId = fair?.id ?? '';
    }
    if (!eventId) throw new Error(`no seeded fair:\n${next.log.join('').slice(-2000)}`);
    const id = 'bench-reader';
    await db.insert(users).values({ id, name: id, email: `${id}@bench.test` });
    await db.insert(registrations).values({ eventId, userId: id, role: 'talent' });
    const sid = await openSession(db, id);
    const cookie = `${COOKIE}=${await encode({ token: { sub: id, name: id, email: `${id}@bench.test`, sid, via: 'email' }, secret, salt: COOKIE })}`;
    const [s] = await db.insert(eventSessions).values({ eventId, kind: 'presentation', title: 'Reads', startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000) }).returning({ id: eventSessions.id });
    const sessionId = s!.id;
    await db.insert(sessionHosts).values({ sessionId, userId: 'demo-recruiter-1-1' });
    await db.insert(questions).values(Array.from({ length: 20 }, (_, i) => ({ sessionId, authorId: id, body: `Question ${i + 1}?` })));
    for (let i = 0; i < 30; i++) await appendMessage(db, { kind: 'session', ownerId: sessionId, eventId }, { authorId: id, body: `Message ${i}` });
    const actor = (await loadActor(db, id))!;

    const rows: [string, number][] = [];
    const jwt = cookie.slice(COOKIE.length + 1);
    rows.push(['cookie decrypt (next-auth/jwt decode)', await median(n, () => decode({ token: jwt, secret, salt: COOKIE }))]);
    rows.push(['session cookie row (isSessionActive)', await median(n, () => isSessionActive(db, { sid, via: 'email' }, false))]);
    rows.push(['user row (getCurrentUser)', await median(n, () => loadActor(db, id))]);
    rows.push(['access check (requireSessionRole)', await median(n, () => requireSessionRole(db, actor, sessionId))]);
    rows.push(['listQuestions (check + query)', await median(n, () => listQuestions(db, actor, sessionId))]);
    const qa = await listQuestions(db, actor, sessionId);
    rows.push(['JSON of the Q&A list', await median(n, async () => JSON.stringify(qa))]);
    rows.push(['listMessages ?after=29 (check + 1 row)', await median(n, () => listMessages(db, actor, { kind: 'session', ownerId: sessionId, after: '29' }))]);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    rows.push(['HTTP 401 of a route, no cookie (Next floor)', await median(n, () => get(agent, port, `/api/sessions/${sessionId}/questions`, ''))]);
    rows.push(['HTTP GET questions', await median(n, () => get(agent, port, `/api/sessions/${sessionId}/questions`, cookie))]);
    rows.push(['HTTP GET messages?after=29', await median(n, () => get(agent, port, `/api/threads/session/${sessionId}/messages?after=29`, cookie))]);
    const [q] = await db.select({ id: questions.id }).from(questions).where(eq(questions.sessionId, sessionId)).limit(1);
    let on = false;
    rows.push(['HTTP POST vote (toggles)', await median(n, () => get(agent, port, `/api/questions/${q!.id}/vote`, cookie, { voted: (on = !on) }))]);
    rows.push(['HTTP POST chat message', await median(n, () => get(agent, port, `/api/threads/session/${sessionId}/messages`, cookie, { body: 'Hello' }))]);
    // Throughput: 32 requests in flight for 5 s, the rate the server sustains.
    let done = 0;
    const until = performance.now() + 5000;
    const bigAgent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    await Promise.all(Array.from({ length: 32 }, async () => {
      while (performance.now() < until) {
        await get(bigAgent, port, `/api/threads/session/${sessionId}/messages?after=29`, cookie);
        done++;
      }
    }));
    for (const [what, ms] of rows) console.log(`${what.padEnd(46)} ${ms.toFixed(2)} ms`);
    console.log(`sustained: ${(done / 5).toFixed(0)} cursor reads/s with 32 in flight`);
    agent.destroy();
    bigAgent.destroy();
  } finally {
    await stopChild(next);
    await handle?.close().catch(() => {});
    await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await admin.end({ timeout: 2 });
  }
}

await main().then(() => process.exit(0), (err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
