// npm run bench:opening — the opening minute: W signed-in talents each hold the 1-1 chats page's
// live stream and, on every hint, refetch exactly what the page refetches; meanwhile K talents
// book through the real HTTP endpoints (the page's server action) of a production server on
// PostgreSQL. The same storm runs once without watchers in the same run (on an identical event),
// which is the reference.
//
//   npm run bench:opening -- --watchers 1000 --talents 200
//   options: --recruiters 24 --credits 5 --seconds 60 (longest storm) --settle 30 (longest wait
//            for the watchers to catch up after it); --refetch coalesce|serial|latest: a what-if,
//            as if the browser issued every refetch that way (see bench/lib/refetch.ts)
//   env: DATABASE_URL (admin URL of a local PostgreSQL), NEXT_DIST_DIR (default .next-bench;
//        built when missing, rebuilt with --build), BENCH_PORT (serve on it instead of any port)
//
// Last line: `opening: X bookings/s with W watchers, ratio R of no watchers, view p99 V ms, S stale`
// - V: per booked slot and watcher that offered it, the time from the booking's COMMIT (its
//   hints' arrival at the bench's own LISTEN) until the watcher's data (patched from a hint or
//   refetched) no longer offers the slot. A watcher that never got there counts as never (">" marks a bound).
// - S: watchers whose final view (after the storm and the settle) differs from the free slots
//   in the database.
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { openPostgres } from '@/db/client';
import { freeSlotsOf } from '@/lib/chats/free-slots';
import { AppError, type TErrorBody, type TErrorCode } from '@/lib/errors';
import { needsReread, takenSlotsOf } from '@/lib/chats/open-recruiters-hint';
import { LIVE_CHANNEL } from '@/lib/live/topics';
import { bookingStorm, checkBookingInvariants, createChatFair, stormLine, type TFair } from './lib/chat-fair';
import { freshDatabase } from './lib/database';
import { callAction, request } from './lib/http';
import { intOption, sleep, textOption } from './lib/options';
import { benchPerson, createPeople } from './lib/people';
import { refetcher, type TRefetchKind } from './lib/refetch';
import { actionId, benchPort, checkFileLimit, ensureBuild, HOST, startNext, stopChild } from './lib/server';
import { mintSessionCookies, newAuthSecret } from './lib/sessions';
import { openStreams } from './lib/sse';
import { loadAverage, percentile } from './lib/stats';
import { runBench, teardown } from './lib/teardown';

const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next-bench';
const MIGRATIONS = path.resolve('db/migrations');
const DAYS_AHEAD = 2;
const DEADLINE_MS = 45 * 60_000;

// ---------------------------------------------------------------------------------------------
// What a watcher's page does

/** What one refetch answered: the slots it offers, by part of the page (`whole`: the page entire). */
type TFetched = { whole: boolean; parts: Map<string, string[]> };

type TPageModel = {
  label: string;
  /** The topics the page's live stream follows. */
  topics(talentId: string): string[];
  /**
   * A hint on a followed topic — or, with `resync`, a (re)connect: the slots the page drops from
   * its cached data at once (`drop`, no request) and the queries it invalidates (`refetch`).
   */
  hinted(w: number, topic: string, hint: TWatcherHint | undefined, resync: boolean): { drop: string[]; refetch: string[] };
  /** How the browser issues a query's refetches (lib/refetch). */
  kind(query: string): TRefetchKind;
  /** One query's request as watcher `w`; null when it shows no slots. */
  fetch(w: number, cookie: string, query: string, signal: AbortSignal): Promise<TFetched | null>;
};

type TWatcherHint = { ids?: Record<string, unknown>; data?: unknown };

type TOpenRecruitersAnswer = { ok: true; recruiters: { id: string }[]; slots: Record<string, { id: string }[]> };

/**
 * The talent 1-1 chats page (app/events/[slug]/chats/page.tsx → components/chats/
 * talent-chats-view.tsx, use-chat-reads.ts) as a watcher: the one place that says which topics
 * it follows and what it refetches on a hint, as docs/shared-machinery.md ("Live reads of the
 * 1-1 chat pages") describes it.
 *
 * - `open-recruiters:<event>` naming recruiter R and the slots a chat took (`data.taken`,
 *   lib/chats/open-recruiters-hint.ts) → those slots are dropped from the cached list at once;
 *   no request unless the hint also asks for a reread (`data.reread`: a slot came free, the
 *   pending count moved).
 * - `open-recruiters:<event>` naming R without `taken`, or with `reread` → GET
 *   …/chats/open-recruiters?recruiters=R (every R named since the last read that succeeded; the
 *   whole list without a recruiter, after (re)connecting, past 20 recruiters, or when the answer
 *   holds one not shown yet). A read that began before a slot's hint drops that slot from its
 *   answer too.
 * - `user:<me>` → GET …/chats/mine, and the header's bell → GET /api/notifications?unread=1.
 * All are React Query reads: each hint starts a new request and the one in flight is dropped;
 * the chat reads hand React Query's signal to fetch (components/live/api.ts), so theirs is
 * aborted (the connection closes); the bell's fetch takes no signal and runs to its end.
 */
function chatsPage(agents: http.Agent[], port: number, eventId: string, watchers: number): TPageModel {
  const base = `/api/events/${eventId}/chats`;
  const changed = Array.from({ length: watchers }, () => new Set<string>());
  const whole = new Array<boolean>(watchers).fill(true);
  const shown = Array.from({ length: watchers }, () => new Set<string>());
  // As the page: hints counted, and the slots they said were taken, by that count.
  const hintCount = new Array<number>(watchers).fill(0);
  const taken = Array.from({ length: watchers }, () => new Map<string, number>());
  const get = async <T>(w: number, cookie: string, url: string, signal?: AbortSignal): Promise<T> => {
    const r = await request(agents[w]!, port, 'GET', url, cookie, undefined, {}, signal);
    if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
    return r.json<T>();
  };
  const all = (a: TOpenRecruitersAnswer): TFetched => ({ whole: true, parts: new Map(Object.entries(a.slots).map(([id, list]) => [id, list.map((x) => x.id)])) });
  return {
    label: 'taken slots dropped from open-recruiters: hints, JSON routes refetched on the others and on user: hints (React Query)',
    topics: (talentId) => [`user:${talentId}`, `open-recruiters:${eventId}`],
    hinted(w, topic, hint, resync) {
      if (topic.startsWith('user:')) return { drop: [], refetch: ['mine', 'bell'] };
      if (!topic.startsWith('open-recruiters:')) return { drop: [], refetch: [] };
      const id = hint?.ids?.recruiter;
      if (resync || typeof id !== 'string') {
        whole[w] = true;
        return { drop: [], refetch: ['open-recruiters'] };
      }
      const drop = takenSlotsOf(hint?.data);
      if (drop.length > 0) {
        const n = ++hintCount[w]!;
        for (const slot of drop) taken[w]!.set(slot, n);
      }
      if (!needsReread(hint?.data)) return { drop, refetch: [] };
      changed[w]!.add(id);
      return { drop, refetch: ['open-recruiters'] };
    },
    kind: () => 'latest',
    async fetch(w, cookie, query, signal) {
      if (query === 'bell') {
        await get(w, cookie, '/api/notifications?unread=1');
        return null;
      }
      if (query === 'mine') {
        await get(w, cookie, `${base}/mine`, signal);
        return null;
      }
      const began = hintCount[w]!;
      const asked = [...changed[w]!];
      // Slots taken by hints that came after this read began are left out of its answer.
      const settled = (got: TFetched): TFetched => {
        for (const [slot, n] of taken[w]!) if (n <= began) taken[w]!.delete(slot);
        return { whole: got.whole, parts: new Map([...got.parts].map(([id, list]) => [id, list.filter((slot) => !taken[w]!.has(slot))])) };
      };
      const full = async () => {
        const a = await get<TOpenRecruitersAnswer>(w, cookie, `${base}/open-recruiters`, signal);
        whole[w] = false;
        for (const id of asked) changed[w]!.delete(id);
        shown[w] = new Set(a.recruiters.map((r) => r.id));
        return settled(all(a));
      };
      if (whole[w] || asked.length === 0 || asked.length > 20) return full();
      const part = await get<TOpenRecruitersAnswer>(w, cookie, `${base}/open-recruiters?recruiters=${asked.join(',')}`, signal);
      if (part.recruiters.some((r) => !shown[w]!.has(r.id))) return full();
      for (const id of asked) changed[w]!.delete(id);
      // A recruiter asked for but not in the answer has no free slot shown any more.
      return settled({ whole: false, parts: new Map(asked.map((id) => [id, (part.slots[id] ?? []).map((x) => x.id)])) });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Watchers

type TWatchers = {
  /** The slots each watcher's page offers now. */
  offered(w: number): Set<string>;
  /** When each watcher's view stopped offering a slot (performance.now), by slot id. */
  gone: Map<string, number>[];
  requests: { readonly done: number; readonly failed: number; readonly outstanding: number };
  lastHintAt(): number;
  close(): void;
};

async function openWatchers(page: TPageModel, port: number, talents: string[], cookies: string[]): Promise<TWatchers> {
  const views = talents.map(() => new Map<string, Set<string>>());
  const gone = talents.map(() => new Map<string, number>());
  let stopped = false;
  let lastHint = performance.now();

  const apply = (w: number, got: TFetched, at: number) => {
    const view = views[w]!;
    const before = new Set([...view.values()].flatMap((s) => [...s]));
    if (got.whole) view.clear();
    for (const [part, ids] of got.parts) view.set(part, new Set(ids));
    const after = new Set([...view.values()].flatMap((s) => [...s]));
    for (const id of before) if (!after.has(id) && !gone[w]!.has(id)) gone[w]!.set(id, at);
    // Offered again (a rollback elsewhere, an older answer): it has not gone yet.
    for (const id of after) gone[w]!.delete(id);
  };
  // A hint the page applies to its cached data itself: the slots leave the view on arrival.
  const drop = (w: number, slots: string[], at: number) => {
    for (const part of views[w]!.values()) {
      for (const id of slots) if (part.delete(id) && !gone[w]!.has(id)) gone[w]!.set(id, at);
    }
  };
  const run = async (w: number, query: string, signal: AbortSignal) => {
    if (stopped) return;
    const got = await page.fetch(w, cookies[w]!, query, signal);
    if (got && !signal.aborted && !stopped) apply(w, got, performance.now());
  };
  const byKind = new Map<TRefetchKind, ReturnType<typeof refetcher>>();
  const hint = (w: number, query: string) => {
    const kind = page.kind(query);
    if (!byKind.has(kind)) byKind.set(kind, refetcher(kind, run));
    byKind.get(kind)!.hint(w, query);
  };
  const followed = talents.map((t) => page.topics(t));
  const resync = (w: number) => new Set(followed[w]!.flatMap((t) => page.hinted(w, t, undefined, true).refetch)).forEach((q) => hint(w, q));

  // No separate first load: the page's first paint is its server render, and on `ready` it
  // reads everything again (below) — that read is the view the storm starts from.
  const pool = await openStreams(port, talents.length, {
    path: (w) => `/api/live?topics=${encodeURIComponent(followed[w]!.join(','))}`,
    cookie: (w) => cookies[w]!,
    // Like the browser (components/live/live-provider.tsx): on every (re)connect each followed
    // topic is told `resync` and its queries are invalidated; a hint invalidates its topic's.
    onReady: (w) => resync(w),
    // The handshakes queue behind the refetches of the watchers already connected.
    readyTimeoutMs: 15 * 60_000,
    onEvent: (w, e) => {
      if (e.event === 'resync') return resync(w);
      if (e.event !== 'message') return;
      const h = JSON.parse(e.data) as TWatcherHint & { topic?: string };
      if (!h.topic || !followed[w]!.includes(h.topic)) return;
      lastHint = e.at;
      const told = page.hinted(w, h.topic, h, false);
      if (told.drop.length > 0) drop(w, told.drop, e.at);
      for (const q of told.refetch) hint(w, q);
    },
  });
  const sum = (f: (r: ReturnType<typeof refetcher>) => number) => [...byKind.values()].reduce((n, r) => n + f(r), 0);
  return {
    offered: (w) => new Set([...views[w]!.values()].flatMap((s) => [...s])),
    gone,
    requests: {
      get done() {
        return sum((r) => r.done);
      },
      get failed() {
        return sum((r) => r.failed);
      },
      get outstanding() {
        return sum((r) => r.outstanding);
      },
    },
    lastHintAt: () => lastHint,
    close() {
      stopped = true;
      pool.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Booking through the page's server action

type TActionResult = { ok: true; chatId: string } | { ok: false; error: TErrorBody };

function httpBooker(agent: http.Agent, port: number, slug: string, id: string, cookieOf: Map<string, string>, booked: Map<string, string>) {
  return async (talent: string, slotId: string) => {
    // A dropped connection is what a person sees as "try again", not the end of their booking:
    // counted among the unexpected answers, and the talent goes on.
    const r = await callAction<TActionResult>(agent, port, `/events/${slug}/chats`, id, cookieOf.get(talent)!, [{ slotId, answer: '' }]).catch((err: unknown) => {
      throw new AppError('busy', `no answer: ${err instanceof Error ? err.message : String(err)}`);
    });
    if (!r.ok) throw new AppError(r.error.code as TErrorCode, r.error.message);
    booked.set(r.chatId, slotId);
  };
}

/** The first moment the bench's own LISTEN saw each id in a hint: a booking's chat id arrives with its COMMIT. */
async function listenForIds(url: string): Promise<{ firstSeen: Map<string, number>; close(): Promise<void> }> {
  const firstSeen = new Map<string, number>();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql.listen(LIVE_CHANNEL, (payload) => {
    const at = performance.now();
    const ids = (JSON.parse(payload) as { ids?: Record<string, unknown> }).ids ?? {};
    for (const v of Object.values(ids)) if (typeof v === 'string' && !firstSeen.has(v)) firstSeen.set(v, at);
  });
  return { firstSeen, close: () => sql.end({ timeout: 1 }) };
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const W = intOption('watchers', 1000);
  const K = intOption('talents', 200);
  const R = intOption('recruiters', 24);
  const credits = intOption('credits', 5);
  const stormSeconds = intOption('seconds', 60);
  const settleSeconds = intOption('settle', 30);
  // A stream and up to 5 reads per watcher, a connection per booker, and a few.
  checkFileLimit(W * 6 + K + 256);
  ensureBuild(DIST_DIR, { force: process.argv.includes('--build') });

  const cleanup = teardown('bench:opening', DEADLINE_MS);
  const database = await freshDatabase('fg_bench_opening');
  cleanup.add(() => database.drop());
  const handle = openPostgres(database.url, MIGRATIONS, 8);
  cleanup.add(() => handle.close());
  const sqlc = postgres(database.url, { max: 2, onnotice: () => {} });
  cleanup.add(() => sqlc.end({ timeout: 1 }));
  try {
    await handle.migrate();
    const db = handle.db;
    // K bookers and W watchers, all talents; a small event to warm up on and two identical
    // ones: the storm without watchers on the first, with them on the second.
    const bookers = Array.from({ length: K }, (_, i) => `opening-booker-${i}`);
    const watcherIds = Array.from({ length: W }, (_, i) => `opening-watcher-${i}`);
    await createPeople(db, [...bookers, ...watcherIds]);
    const shape = { credits, days: 1, daysAhead: DAYS_AHEAD, opensAt: '09:00', closesAt: '17:00', durationMinutes: 15 };
    const warm = await createChatFair(db, { ...shape, slug: 'opening-warm', recruiters: 2, talents: bookers.slice(0, 10) });
    const alone = await createChatFair(db, { ...shape, slug: 'opening-alone', recruiters: R, talents: bookers });
    const watched = await createChatFair(db, { ...shape, slug: 'opening-watched', recruiters: R, talents: [...bookers, ...watcherIds] });
    console.log(`opening: ${K} booking talents × ${R} recruiters, ${watched.slots.length} slots, ${credits} credits each; ${W} watchers`);

    const secret = newAuthSecret();
    const server = await startNext({ distDir: DIST_DIR, port: await benchPort(0), env: { DATABASE_URL: database.url, AUTH_SECRET: secret } });
    cleanup.add(() => stopChild(server));
    const port = server.port;
    const cookies = await mintSessionCookies(db, secret, [...bookers, ...watcherIds].map(benchPerson));
    const cookieOf = new Map([...bookers, ...watcherIds].map((id, i) => [id, cookies[i]!]));
    const bookAction = actionId(DIST_DIR, 'app/events/[slug]/chats/actions.ts', 'bookDirectAction');
    const bookerAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
    console.log(`serving ${DIST_DIR} on ${HOST}:${port}`);

    const storm = async (fair: TFair, booked: Map<string, string>) => {
      const book = httpBooker(bookerAgent, port, fair.slug, bookAction, cookieOf, booked);
      const outcome = await bookingStorm(fair === warm ? bookers.slice(0, 10) : bookers, fair.slots, book, performance.now() + stormSeconds * 1000);
      return { outcome, checks: await checkBookingInvariants(sqlc, fair.eventId) };
    };

    // Warm the server's paths (the action, the page, the stream) before anything is measured.
    await storm(warm, new Map());
    for (const id of bookers.slice(0, 10)) await request(bookerAgent, port, 'GET', `/events/${warm.slug}/chats?_rsc`, cookieOf.get(id)!, undefined, { RSC: '1' });

    // 1. The storm alone.
    const alone1 = await storm(alone, new Map());
    console.log(stormLine('no watchers', alone1.outcome, percentile));

    // 2. The same storm on the identical event while W watchers follow its page.
    // Each watcher is a browser: over HTTP/1.1 it keeps at most 6 connections to the site, one
    // of them its live stream, so at most 5 reads at once; more wait in the browser.
    const pageAgents = watcherIds.map(() => new http.Agent({ keepAlive: true, maxSockets: 5 }));
    const asPage = chatsPage(pageAgents, port, watched.eventId, W);
    // --refetch coalesce|serial|latest: what the figures would be if the browser issued its
    // refetches that way instead (a what-if, labelled as such; not what the page does).
    const whatIf = textOption('refetch', '') as TRefetchKind | '';
    const page: TPageModel = whatIf ? { ...asPage, label: `${asPage.label}, WHAT-IF every query refetched as '${whatIf}'`, kind: () => whatIf } : asPage;
    const t0 = performance.now();
    const watchers = await openWatchers(page, port, watcherIds, watcherIds.map((id) => cookieOf.get(id)!));
    // Until the refetches of the first `ready` are done (bounded).
    for (const until = performance.now() + 300_000; watchers.requests.outstanding > 0 && performance.now() < until; ) await sleep(100);
    console.log(`watchers: ${W} ready in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${watchers.requests.outstanding} refetches of their first ready still queued (page: ${page.label})`);
    const initial = watcherIds.map((_, w) => watchers.offered(w));
    const requestsBefore = watchers.requests.done;
    const listener = await listenForIds(database.url);
    cleanup.add(() => listener.close());
    const booked = new Map<string, string>(); // chat id → slot id
    const load0 = loadAverage();
    const withWatchers = await storm(watched, booked);
    const stormEnd = performance.now();
    console.log(stormLine('with watchers', withWatchers.outcome, percentile));

    // Let the watchers catch up: until nothing is outstanding and no hint came for 2 s (bounded).
    const settleUntil = stormEnd + settleSeconds * 1000;
    while (performance.now() < settleUntil && (watchers.requests.outstanding > 0 || performance.now() - watchers.lastHintAt() < 2000)) await sleep(100);
    const observedUntil = performance.now();
    const load1 = loadAverage();
    const outstanding = watchers.requests.outstanding;
    const requests = watchers.requests.done - requestsBefore;
    const failed = watchers.requests.failed;
    watchers.close();

    // V: commit → the watcher's data no longer offering the slot, for every watcher that offered it.
    const views: number[] = [];
    let never = 0;
    let neverBound = Number.POSITIVE_INFINITY; // an unanswered view took longer than this
    let noCommit = 0;
    for (const [chatId, slotId] of booked) {
      const committed = listener.firstSeen.get(chatId);
      if (committed === undefined) {
        noCommit++;
        continue;
      }
      watcherIds.forEach((_, w) => {
        if (!initial[w]!.has(slotId)) return;
        const at = watchers.gone[w]!.get(slotId);
        if (at === undefined) {
          never++;
          neverBound = Math.min(neverBound, observedUntil - committed);
          views.push(Number.POSITIVE_INFINITY);
        } else views.push(at - committed);
      });
    }
    const vp99 = percentile(views, 99);
    const vp50 = percentile(views, 50);
    // S: final views against the database's free slots (what the page offers a talent with no chats).
    const free = await freeSlotsOf(db, watched.eventId, watched.recruiters, new Date());
    const truth = new Set([...free.values()].flatMap((list) => list.map((s) => s.id)));
    const stale = watcherIds.filter((_, w) => {
      const o = watchers.offered(w);
      return o.size !== truth.size || [...o].some((id) => !truth.has(id));
    }).length;

    const rateAlone = alone1.outcome.booked / alone1.outcome.seconds;
    const rateWatched = withWatchers.outcome.booked / withWatchers.outcome.seconds;
    const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : `>${neverBound.toFixed(0)}`);
    console.log(
      `invariants: ${alone1.checks.doubles + withWatchers.checks.doubles} double bookings, ${alone1.checks.creditErrors + withWatchers.checks.creditErrors} credit errors; ` +
        `${booked.size} bookings watched by ${W}: ${views.length} views, ${never} never stopped offering the slot${noCommit ? `, ${noCommit} bookings without a hint naming their chat` : ''}`,
    );
    console.log(
      `watchers: ${requests} refetches during the storm and settle (${failed} failed, ${outstanding} still queued after the ${settleSeconds} s settle); ` +
        `view p50 ${fmt(vp50)} ms; load average ${load0} before, ${load1} after`,
    );
    console.log(`reference: ${rateAlone.toFixed(0)} bookings/s with no watchers, same storm on an identical event in this run`);
    console.log(
      `opening${whatIf ? ` (what-if refetch=${whatIf})` : ''}: ${rateWatched.toFixed(0)} bookings/s with ${W} watchers, ratio ${(rateWatched / rateAlone).toFixed(2)} of no watchers, ` +
        `view p99 ${fmt(vp99)} ms, ${stale} stale`,
    );
    pageAgents.forEach((a) => a.destroy());
    bookerAgent.destroy();
  } finally {
    await cleanup.run();
  }
}

await runBench(main);
