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
// vote rows and the net of the vote requests that succeeded, and every watcher ended with it.
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openPostgres } from '@/db/client';
import { eventSessions, questions, sessionHosts } from '@/db/schema';
import { LIVE_CHANNEL, topics } from '@/lib/live/topics';
import { freshDatabase } from './lib/database';
import { request } from './lib/http';
import { intOption, sleep } from './lib/options';
import { startRawServer } from './lib/raw-sse-server';
import { refetcher } from './lib/refetch';
import { benchPort, ensureBuild, stopChild } from './lib/server';
import { startDemoFairServer } from './lib/demo-fair';
import { benchPerson, createPeople, registerPeople } from './lib/people';
import { mintSessionCookies, newAuthSecret } from './lib/sessions';
import { hintTopic, openStreams } from './lib/sse';
import { percentile as pct } from './lib/stats';
import { runBench, teardown } from './lib/teardown';

const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';
const QUESTIONS = 20;
const DEADLINE_MS = 15 * 60_000;
// As the room's Q&A tab (components/sessions/room/qa-tab.tsx): at most one refetch per second.
const QA_REFRESH_MS = 1000;

type TWatchers = { arrivals: Map<string, number[]>[]; refetches: number; refetchErrors: number; close(): void };
type THintSeen = { topic: string; ids?: Record<string, string | number>; data?: Record<string, unknown> };

/**
 * A watchers with one SSE stream each. With `refetch`, a hint makes the watcher refetch what
 * the room page refetches for that topic; like React Query, one fetch per query at a time, and
 * one more after it when hints came meanwhile. `patch` is what the page applies from a hint's
 * data instead (true: nothing to fetch); like the page, only while no fetch of it is under way.
 */
async function connectWatchers(
  port: number,
  topicList: string[],
  cookies: string[],
  refetch?: (w: number, topic: string) => Promise<void>,
  patch?: (w: number, hint: THintSeen) => boolean,
): Promise<TWatchers> {
  const arrivals = cookies.map(() => new Map<string, number[]>(topicList.map((t) => [t, []])));
  const fetching = new Set<string>();
  const fetches = refetcher('coalesce', (w, topic) => {
    fetching.add(`${w}|${topic}`);
    return refetch!(w, topic).finally(() => fetching.delete(`${w}|${topic}`));
  });
  const lastQa = new Map<number, number>();
  const waitingQa = new Set<number>();
  const hinted = (w: number, topic: string, hint: THintSeen) => {
    if (!refetch) return;
    if (patch && !fetching.has(`${w}|${topic}`) && patch(w, hint)) return;
    if (topic.startsWith('session-qa:')) {
      // The Q&A tab's throttle: the first hint at once, later ones trailing, once per second.
      const wait = (lastQa.get(w) ?? 0) + QA_REFRESH_MS - performance.now();
      if (wait > 0) {
        if (!waitingQa.has(w)) {
          waitingQa.add(w);
          setTimeout(() => {
            waitingQa.delete(w);
            lastQa.set(w, performance.now());
            fetches.hint(w, topic);
          }, wait);
        }
        return;
      }
      lastQa.set(w, performance.now());
    }
    fetches.hint(w, topic);
  };
  const pool = await openStreams(port, cookies.length, {
    path: () => `/api/live?topics=${topicList.join(',')}`,
    cookie: (w) => cookies[w]!,
    onEvent: (w, e) => {
      const topic = hintTopic(e.data);
      if (!topic || !arrivals[w]!.has(topic)) return;
      arrivals[w]!.get(topic)!.push(e.at);
      if (refetch) hinted(w, topic, JSON.parse(e.data) as THintSeen);
    },
  });
  return {
    arrivals,
    get refetches() {
      return fetches.done;
    },
    get refetchErrors() {
      return fetches.failed;
    },
    close: pool.close,
  };
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
  const A = intOption('watchers', 1000);
  const seconds = intOption('seconds', 60);
  ensureBuild(DIST_DIR);
  const cleanup = teardown('bench:session', DEADLINE_MS);
  const database = await freshDatabase('fg_bench_session');
  cleanup.add(() => database.drop());
  const dbUrl = database.url;
  try {
    const handle = openPostgres(dbUrl, path.resolve('db/migrations'), 4);
    cleanup.add(() => handle.close());
    const db = handle.db;
    const secret = newAuthSecret();
    const { server: next, eventId } = await startDemoFairServer(db, { distDir: DIST_DIR, port: await benchPort(0), env: { DATABASE_URL: dbUrl, AUTH_SECRET: secret } });
    const port = next.port;
    cleanup.add(() => stopChild(next));

    // The audience: A people registered for the fair, each with a signed-in session.
    const ids = Array.from({ length: A }, (_, i) => `bench-watcher-${i}`);
    await createPeople(db, ids);
    await registerPeople(db, eventId, ids, 'talent');
    const cookies = await mintSessionCookies(db, secret, ids.map(benchPerson));
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
    const listener = postgres(dbUrl, { max: 1, onnotice: () => {} });
    cleanup.add(() => listener.end({ timeout: 1 }));
    await listener.listen(LIVE_CHANNEL, (payload) => {
      const topic = hintTopic(payload);
      if (topic && sent.has(topic)) sent.get(topic)!.push({ at: performance.now(), payload });
    });

    // What the room page refetches on a hint of each topic.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    const cursor = new Array<number>(A).fill(0);
    // The vote counts each watcher ends with, checked against the database below.
    const seenVotes = cookies.map(() => new Map<string, number>());
    const refetch = async (w: number, topic: string) => {
      const cookie = cookies[w]!;
      if (topic === topicList[0]) await request(agent, port, 'GET', `/api/sessions/${sessionId}/room`, cookie);
      else if (topic === topicList[1]) {
        const r = await request(agent, port, 'GET', `/api/sessions/${sessionId}/questions`, cookie);
        for (const q of r.json<{ questions?: { id: string; votes: number }[] } | null>()?.questions ?? []) seenVotes[w]!.set(q.id, q.votes);
      } else {
        const r = await request(agent, port, 'GET', `/api/threads/session/${sessionId}/messages${cursor[w] ? `?after=${cursor[w]}` : ''}`, cookie);
        const next = r.json<{ cursor?: unknown } | null>()?.cursor;
        if (typeof next === 'number') cursor[w] = Math.max(cursor[w]!, next);
      }
    };
    // What the page patches from a hint's data without a request (qa-tab.tsx, use-thread.ts).
    const patch = (w: number, hint: THintSeen) => {
      if (hint.topic === topicList[1] && typeof hint.data?.votes === 'number' && typeof hint.ids?.question === 'string') {
        seenVotes[w]!.set(hint.ids.question, hint.data.votes);
        return true;
      }
      if (hint.topic === topicList[2] && typeof hint.data?.seq === 'number' && hint.data.seq === cursor[w]! + 1) {
        cursor[w] = hint.data.seq;
        return true;
      }
      return false;
    };
    const watchers = await connectWatchers(port, topicList, cookies, refetch, patch);
    console.log(`next: ${A} watchers ready`);
    for (const list of sent.values()) list.length = 0;

    // The writes: chat at 10/s, votes at 50/s, through the HTTP endpoints, for `seconds`.
    const voted = new Map<string, boolean>();
    const inFlight = new Set<string>();
    const expected = new Map<string, number>(qs.map((q) => [q.id, 0]));
    let writes = 0;
    let writeErrors = 0;
    let committed = 0;
    // Why writes failed (status and error code, or the client's own error such as a timeout).
    const whyFailed = new Map<string, number>();
    const failed = (why: string) => {
      writeErrors++;
      whyFailed.set(why, (whyFailed.get(why) ?? 0) + 1);
    };
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
              if (r.status !== 200) return failed(`${r.status} ${r.json<{ error?: { code?: string } } | null>()?.error?.code ?? ''}`);
              voted.set(key, want);
              committed++;
              expected.set(q, expected.get(q)! + (want ? 1 : -1));
            }, (e: Error) => failed(e.message))
            .finally(() => inFlight.delete(key)),
        );
      }
      if (tick % 5 === 0) {
        const author = Math.floor(Math.random() * A);
        pending.push(request(agent, port, 'POST', `/api/threads/session/${sessionId}/messages`, cookies[author]!, { body: `Message ${tick / 5}` }).then((r) => { writes++; if (r.status !== 201) failed(`${r.status} ${r.json<{ error?: { code?: string } } | null>()?.error?.code ?? ''}`); else committed++; }, (e: Error) => failed(e.message)));
      }
    }
    await Promise.allSettled(pending);
    const total = () => [...sent.values()].reduce((n, l) => n + l.length, 0);
    const arrived = () => watchers.arrivals.reduce((n, m) => n + [...m.values()].reduce((k, l) => k + l.length, 0), 0);
    // Each committed write is one NOTIFY: wait until our own LISTEN has them all (the last may
    // still be on its way when the last answer arrives), then until the watchers have them.
    for (let waited = 0; waited < 10_000 && (total() < committed || arrived() < total() * A); waited += 100) await sleep(100);
    const app = latencies(watchers, sent);
    watchers.close();
    const hints = [...sent.entries()].flatMap(([topic, list]) => list.map((s) => ({ ...s, topic }))).sort((a, b) => a.at - b.at);
    console.log(`next: ${writes} writes (${writeErrors} failed), ${hints.length} hints, ${watchers.refetches} refetches (${watchers.refetchErrors} failed)${whyFailed.size ? `; failed writes: ${[...whyFailed].map(([k, n]) => `${k} ×${n}`).join(', ')}` : ''}`);

    // Votes exact: the counter equals the rows and the net of the successful requests.
    const counts = await db.execute<{ id: string; votes: number; rows: number }>(sql`select q.id, q.votes, (select count(*) from question_votes v where v.question_id = q.id)::int as rows from questions q where q.session_id = ${sessionId}`);
    const list = [...(counts as unknown as { id: string; votes: number; rows: number }[])];
    // Which part failed, when one does: the counter against its rows, against the requests, or a watcher's last count.
    const offRows = list.filter((c) => c.votes !== c.rows).length;
    const offRequests = list.filter((c) => c.votes !== expected.get(c.id)).length;
    const offWatchers = seenVotes.filter((m) => list.some((c) => (m.get(c.id) ?? c.votes) !== c.votes)).length;
    const exact = offRows + offRequests + offWatchers === 0;
    if (!exact) console.log(`votes: ${offRows} counters differ from their rows, ${offRequests} from the requests, ${offWatchers} watchers ended with another count`);
    await stopChild(next);

    // The bare server: the same watchers and the same hints, replayed with their timing.
    const raw = await startRawServer(dbUrl, await benchPort(1));
    cleanup.add(() => stopChild(raw));
    const bare = await connectWatchers(raw.port, topicList, cookies);
    console.log(`bare: ${A} watchers ready`);
    const replay: TSent = new Map(topicList.map((t) => [t, []]));
    const replayListener = postgres(dbUrl, { max: 1, onnotice: () => {} });
    await replayListener.listen(LIVE_CHANNEL, (payload) => {
      const topic = hintTopic(payload);
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
    await cleanup.run();
  }
}

await runBench(main);
