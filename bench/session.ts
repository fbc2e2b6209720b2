// npm run bench:session — A audience members hold a session room's live streams (its stage,
// its Q&A and its chat topics) and refetch what the room page refetches on a hint; for S
// seconds people post chat messages (10/s) and Q&A votes (50/s) through the real HTTP
// endpoints of the production server. In the same run, a bare SSE server with one LISTEN gets
// the same clients and the same hints (replayed with their timing): the floor any fan-out has.
//
//   npm run bench:session -- --watchers 1000 --seconds 60
//   env: DATABASE_URL (admin URL of a local PostgreSQL), NEXT_DIST_DIR
//
// Latency of a hint = its arrival at a watcher − its arrival at the bench's own LISTEN
// connection (the moment PostgreSQL delivered the commit's NOTIFY). A hint not delivered within
// 10 s after the last write is lost. Votes are exact when every question's count equals its
// vote rows and the net of the vote requests that succeeded.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import postgres from 'postgres';
import { openPostgres } from '@/db/client';
import { eventSessions, events, questions, registrations, sessionHosts, users } from '@/db/schema';
import { openSession } from '@/lib/auth/sessions';
import { LIVE_CHANNEL, topics } from '@/lib/live/topics';
import { spawnLogged, stopChild, type TChild } from '../tests/helpers/child-process';
import { assertLocalDatabase } from '../tests/helpers/test-db';

const HOST = '127.0.0.1';
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';
const NEXT_BIN = path.resolve('node_modules/next/dist/bin/next');
const SESSION_COOKIE = 'authjs.session-token';
const QUESTIONS = 20;
// As the room's Q&A tab (components/sessions/room/qa-tab.tsx): at most one refetch per second.
const QA_REFRESH_MS = 1000;

const flag = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const n = Number.parseInt(i >= 0 ? (process.argv[i + 1] ?? '') : '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, HOST, r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** The bare reference: one LISTEN, a topic → streams map, nothing else (child process). */
async function serveRaw(): Promise<void> {
  const db = postgres(process.env.RAW_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const byTopic = new Map<string, Set<http.ServerResponse>>();
  await db.listen(LIVE_CHANNEL, (payload) => {
    const topic = /"topic":"([^"]+)"/.exec(payload)?.[1];
    const frame = Buffer.from(`data: ${payload}\n\n`);
    for (const res of (topic && byTopic.get(topic)) || []) res.write(frame);
  });
  const server = http.createServer((req, res) => {
    const list = new URL(req.url ?? '/', 'http://x').searchParams.get('topics')?.split(',') ?? [];
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform' });
    for (const t of list) (byTopic.get(t) ?? byTopic.set(t, new Set()).get(t)!).add(res);
    res.on('close', () => list.forEach((t) => byTopic.get(t)?.delete(res)));
    res.write('retry: 2000\nevent: ready\ndata: {}\n\n');
  });
  server.listen(Number(process.env.RAW_PORT), HOST, () => console.log('raw-ready'));
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close();
    void db.end({ timeout: 1 }).finally(() => process.exit(0));
  });
}

async function waitUntil(what: string, s: TChild, ms: number, check: () => Promise<boolean>): Promise<void> {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(250)) {
    if (s.child.exitCode !== null) throw new Error(`${s.name} exited:\n${s.log.join('').slice(-2000)}`);
    if (await check().catch(() => false)) return;
  }
  throw new Error(`${s.name}: timed out waiting for ${what}:\n${s.log.join('').slice(-2000)}`);
}

/** A keep-alive HTTP request with a cookie; resolves to status and parsed JSON. */
function request(agent: http.Agent, port: number, method: string, pathname: string, cookie: string, body?: unknown): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request({ host: HOST, port, method, path: pathname, agent, headers: { Cookie: cookie, ...(data ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(data);
  });
}

type TWatchers = { arrivals: Map<string, number[]>[]; refetches: number; refetchErrors: number; close(): void };

/**
 * A watchers with one SSE stream each. With `refetch`, a hint makes the watcher refetch what
 * the room page refetches for that topic; like React Query, one fetch per query at a time, and
 * one more after it when hints came meanwhile.
 */
async function connectWatchers(port: number, topicList: string[], cookies: string[], refetch?: (w: number, topic: string) => Promise<void>): Promise<TWatchers> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const arrivals = cookies.map(() => new Map<string, number[]>(topicList.map((t) => [t, []])));
  const reqs: http.ClientRequest[] = [];
  const stats = { refetches: 0, refetchErrors: 0 };
  const busy = new Map<string, 'idle' | 'running' | 'dirty'>();
  const lastQa = new Map<number, number>();
  const waitingQa = new Set<number>();
  const hinted = (w: number, topic: string) => {
    if (!refetch) return;
    if (topic.startsWith('session-qa:')) {
      // The Q&A tab's throttle: the first hint at once, later ones trailing, once per second.
      const wait = (lastQa.get(w) ?? 0) + QA_REFRESH_MS - performance.now();
      if (wait > 0) {
        if (!waitingQa.has(w)) {
          waitingQa.add(w);
          setTimeout(() => {
            waitingQa.delete(w);
            lastQa.set(w, performance.now());
            fetchOnce(w, topic);
          }, wait);
        }
        return;
      }
      lastQa.set(w, performance.now());
    }
    fetchOnce(w, topic);
  };
  const fetchOnce = (w: number, topic: string) => {
    if (!refetch) return;
    const key = `${w}|${topic}`;
    const state = busy.get(key) ?? 'idle';
    if (state !== 'idle') return void busy.set(key, 'dirty');
    busy.set(key, 'running');
    const run = (): Promise<void> =>
      refetch(w, topic).then(
        () => void stats.refetches++,
        () => void stats.refetchErrors++,
      ).then(() => {
        if (busy.get(key) === 'dirty') {
          busy.set(key, 'running');
          return run();
        }
        busy.set(key, 'idle');
      });
    void run();
  };
  const connectOne = (w: number) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get({ host: HOST, port, agent, path: `/api/live?topics=${topicList.join(',')}`, headers: { Cookie: cookies[w]!, Accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`watcher ${w}: HTTP ${res.statusCode}`));
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          const now = performance.now();
          buf += chunk;
          for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
            const frame = buf.slice(0, i);
            buf = buf.slice(i + 2);
            if (frame.includes('event: ready')) resolve();
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            const topic = data ? (JSON.parse(data) as { topic?: string }).topic : undefined;
            if (!topic || !arrivals[w]!.has(topic)) continue;
            arrivals[w]!.get(topic)!.push(now);
            hinted(w, topic);
          }
        });
      });
      req.on('error', reject);
      reqs.push(req);
    });
  let next = 0;
  await Promise.all(Array.from({ length: 64 }, async () => {
    while (next < cookies.length) await connectOne(next++);
  }));
  return { arrivals, get refetches() { return stats.refetches; }, get refetchErrors() { return stats.refetchErrors; }, close: () => { reqs.forEach((r) => r.destroy()); agent.destroy(); } };
}

/** Per topic, the times the bench's own LISTEN saw each NOTIFY, in commit order. */
type TSent = Map<string, { at: number; payload: string }[]>;

function latencies(w: TWatchers, sent: TSent): { all: number[]; lost: number } {
  const all: number[] = [];
  let lost = 0;
  for (const perWatcher of w.arrivals) {
    for (const [topic, list] of sent) {
      const got = perWatcher.get(topic) ?? [];
      // The hub keeps commit order per topic: the k-th arrival is the k-th NOTIFY.
      list.forEach((s, k) => (k < got.length ? all.push(got[k]! - s.at) : lost++));
    }
  }
  return { all: all.sort((a, b) => a - b), lost };
}

async function main(): Promise<void> {
  const A = flag('watchers', 1000);
  const seconds = flag('seconds', 60);
  assertLocalDatabase(ADMIN_URL);
  if (!existsSync(path.join(DIST_DIR, 'BUILD_ID'))) throw new Error(`no build in ${DIST_DIR}: run next build first`);
  const dbName = `fg_bench_session_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const dbUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const children: TChild[] = [];
  let handle: ReturnType<typeof openPostgres> | undefined;
  let listener: postgres.Sql | undefined;
  const cleanup = async () => {
    await Promise.allSettled(children.map(stopChild));
    await handle?.close().catch(() => {});
    await listener?.end({ timeout: 1 }).catch(() => {});
    await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await admin.end({ timeout: 2 }).catch(() => {});
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void cleanup().finally(() => process.exit(130)));
  try {
    await admin.unsafe(`create database ${dbName}`);
    handle = openPostgres(dbUrl, path.resolve('db/migrations'), 4);
    const db = handle.db;
    const secret = randomBytes(33).toString('base64');
    const port = await freePort();
    const env = { ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: dbUrl, AUTH_SECRET: secret, AUTH_URL: `http://${HOST}:${port}`, SEED_DEMO: '1', PORT: String(port), NEXT_DIST_DIR: DIST_DIR };
    const next = spawnLogged('next', [NEXT_BIN, 'start', '-p', String(port), '-H', HOST], env, port);
    children.push(next);
    let eventId = '';
    await waitUntil('the seeded demo fair', next, 180_000, async () => {
      const [fair] = await db.select({ id: events.id }).from(events).where(eq(events.slug, 'demo-fair'));
      eventId = fair?.id ?? '';
      return !!eventId;
    });

    // The audience: A people registered for the fair, each with a signed-in session.
    const ids = Array.from({ length: A }, (_, i) => `bench-watcher-${i}`);
    for (let i = 0; i < A; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await db.insert(users).values(chunk.map((id) => ({ id, name: id, email: `${id}@bench.test` })));
      await db.insert(registrations).values(chunk.map((userId) => ({ eventId, userId, role: 'talent' as const })));
    }
    const cookies = await Promise.all(
      ids.map(async (id) => `${SESSION_COOKIE}=${await encode({ token: { sub: id, name: id, email: `${id}@bench.test`, sid: await openSession(db, id), via: 'email' }, secret, salt: SESSION_COOKIE })}`),
    );
    // A session running now, open to all, with questions to vote on.
    const [session] = await db
      .insert(eventSessions)
      .values({ eventId, kind: 'presentation', title: 'Bench session', startsAt: new Date(Date.now() - 5 * 60_000), endsAt: new Date(Date.now() + 115 * 60_000) })
      .returning({ id: eventSessions.id });
    const sessionId = session!.id;
    await db.insert(sessionHosts).values({ sessionId, userId: 'demo-recruiter-1-1' });
    const qs = await db.insert(questions).values(Array.from({ length: QUESTIONS }, (_, i) => ({ sessionId, authorId: ids[i % A]!, body: `Question ${i + 1}?` }))).returning({ id: questions.id });
    const topicList = [topics.session(sessionId), topics.sessionQa(sessionId), topics.thread('session', sessionId)];

    // Every NOTIFY of these topics as PostgreSQL delivers it (the reference time of each hint).
    const sent: TSent = new Map(topicList.map((t) => [t, []]));
    listener = postgres(dbUrl, { max: 1, onnotice: () => {} });
    await listener.listen(LIVE_CHANNEL, (payload) => {
      const topic = /"topic":"([^"]+)"/.exec(payload)?.[1];
      if (topic && sent.has(topic)) sent.get(topic)!.push({ at: performance.now(), payload });
    });

    // What the room page refetches on a hint of each topic.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    const cursor = new Array<number>(A).fill(0);
    const refetch = async (w: number, topic: string) => {
      const cookie = cookies[w]!;
      if (topic === topicList[0]) await request(agent, port, 'GET', `/api/sessions/${sessionId}/room`, cookie);
      else if (topic === topicList[1]) await request(agent, port, 'GET', `/api/sessions/${sessionId}/questions`, cookie);
      else {
        const r = await request(agent, port, 'GET', `/api/threads/session/${sessionId}/messages${cursor[w] ? `?after=${cursor[w]}` : ''}`, cookie);
        if (typeof r.json?.cursor === 'number') cursor[w] = Math.max(cursor[w]!, r.json.cursor);
      }
    };
    const watchers = await connectWatchers(port, topicList, cookies, refetch);
    console.log(`next: ${A} watchers ready`);
    for (const list of sent.values()) list.length = 0;

    // The writes: chat at 10/s, votes at 50/s, through the HTTP endpoints, for `seconds`.
    const voted = new Map<string, boolean>();
    const inFlight = new Set<string>();
    const expected = new Map<string, number>(qs.map((q) => [q.id, 0]));
    let writes = 0;
    let writeErrors = 0;
    const pending: Promise<unknown>[] = [];
    const started = performance.now();
    for (let tick = 0; performance.now() - started < seconds * 1000; tick++) {
      const due = started + tick * 20; // one slot every 20 ms: 50 per second
      await sleep(Math.max(0, due - performance.now()));
      const w = Math.floor(Math.random() * A);
      const q = qs[Math.floor(Math.random() * qs.length)]!.id;
      const key = `${w}|${q}`;
      if (!inFlight.has(key)) {
        inFlight.add(key);
        const want = !voted.get(key);
        pending.push(
          request(agent, port, 'POST', `/api/questions/${q}/vote`, cookies[w]!, { voted: want })
            .then((r) => {
              writes++;
              if (r.status !== 200) return void writeErrors++;
              voted.set(key, want);
              expected.set(q, expected.get(q)! + (want ? 1 : -1));
            }, () => void writeErrors++)
            .finally(() => inFlight.delete(key)),
        );
      }
      if (tick % 5 === 0) {
        const author = Math.floor(Math.random() * A);
        pending.push(request(agent, port, 'POST', `/api/threads/session/${sessionId}/messages`, cookies[author]!, { body: `Message ${tick / 5}` }).then((r) => { writes++; if (r.status !== 201) writeErrors++; }, () => void writeErrors++));
      }
    }
    await Promise.allSettled(pending);
    const total = () => [...sent.values()].reduce((n, l) => n + l.length, 0);
    const arrived = () => watchers.arrivals.reduce((n, m) => n + [...m.values()].reduce((k, l) => k + l.length, 0), 0);
    for (let waited = 0; waited < 10_000 && arrived() < total() * A; waited += 100) await sleep(100);
    const app = latencies(watchers, sent);
    watchers.close();
    const hints = [...sent.entries()].flatMap(([topic, list]) => list.map((s) => ({ ...s, topic }))).sort((a, b) => a.at - b.at);
    console.log(`next: ${writes} writes (${writeErrors} failed), ${hints.length} hints, ${watchers.refetches} refetches (${watchers.refetchErrors} failed)`);

    // Votes exact: the counter equals the rows and the net of the successful requests.
    const counts = await db.execute<{ id: string; votes: number; rows: number }>(sql`select q.id, q.votes, (select count(*) from question_votes v where v.question_id = q.id)::int as rows from questions q where q.session_id = ${sessionId}`);
    const exact = [...(counts as unknown as { id: string; votes: number; rows: number }[])].every((c) => c.votes === c.rows && c.votes === expected.get(c.id));
    await stopChild(next);

    // The bare server: the same watchers and the same hints, replayed with their timing.
    const rawPort = await freePort();
    const raw = spawnLogged('raw', [...process.execArgv, fileURLToPath(import.meta.url), '--raw-server'], { ...process.env, RAW_DATABASE_URL: dbUrl, RAW_PORT: String(rawPort) }, rawPort);
    children.push(raw);
    await waitUntil('the bare server', raw, 30_000, async () => raw.log.join('').includes('raw-ready'));
    const bare = await connectWatchers(rawPort, topicList, cookies);
    console.log(`bare: ${A} watchers ready`);
    const replay: TSent = new Map(topicList.map((t) => [t, []]));
    const replayListener = postgres(dbUrl, { max: 1, onnotice: () => {} });
    await replayListener.listen(LIVE_CHANNEL, (payload) => {
      const topic = /"topic":"([^"]+)"/.exec(payload)?.[1];
      if (topic && replay.has(topic)) replay.get(topic)!.push({ at: performance.now(), payload });
    });
    const pubConn = postgres(dbUrl, { max: 1, onnotice: () => {} });
    const t0 = performance.now();
    const first = hints[0]?.at ?? 0;
    for (const h of hints) {
      await sleep(Math.max(0, t0 + (h.at - first) - performance.now()));
      await pubConn`select pg_notify(${LIVE_CHANNEL}, ${h.payload})`;
    }
    for (let waited = 0; waited < 10_000 && bare.arrivals.reduce((n, m) => n + [...m.values()].reduce((k, l) => k + l.length, 0), 0) < hints.length * A; waited += 100) await sleep(100);
    const ref = latencies(bare, replay);
    bare.close();
    await replayListener.end({ timeout: 1 });
    await pubConn.end({ timeout: 1 });

    const f = (v: number) => v.toFixed(1);
    console.log(`bare: p50 ${f(pct(ref.all, 50))} ms, p99 ${f(pct(ref.all, 99))} ms, ${ref.lost} lost`);
    console.log(
      `session: p50 ${f(pct(app.all, 50))} ms, p99 ${f(pct(app.all, 99))} ms, ${A} watchers, ${app.lost} lost, ` +
        `ratio ${(pct(app.all, 99) / pct(ref.all, 99)).toFixed(2)} of bare p99, votes exact ${exact ? 'yes' : 'no'}`,
    );
  } finally {
    await cleanup();
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
