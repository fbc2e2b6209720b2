import 'server-only';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { database } from '@/db/client';
import { isPacedTopic, LIVE_CHANNEL, type TTopic } from './topics';

type Subscriber = (frame: Uint8Array) => void;
/**
 * Called after a `recheck` hint on a topic the stream follows: it re-checks access itself.
 * `users`: the hints named whose access changed; a stream of anyone else need not re-check.
 */
export type Recheck = (topic: string, users?: ReadonlySet<string>) => void;

/**
 * Hints received but not yet fanned out, in commit order. Two lanes: the hints of paced topics
 * (isPacedTopic) may wait for the flush gap; every other hint goes out at once.
 */
type Lane = {
  pending: { topic: string; payload: string }[];
  /** The earliest the next flush may go out (performance.now(); see flushGapMs). */
  nextFlushAt: number;
  paced: boolean;
};

type Hub = {
  byTopic: Map<string, Set<Subscriber>>;
  atOnce: Lane;
  paced: Lane;
  ready: Promise<void>;
  received: number;
  /** When the LISTEN connection last delivered anything (a hint or our own ping). */
  lastHeard: number;
  unlisten?: () => Promise<void>;
  resyncs: number;
  rechecksOf: Map<Subscriber, Recheck>;
  /** Re-check callbacks called so far (the tests check a normal hint costs none). */
  rechecks: number;
};

declare global {
  var __fairgroundLiveHub: Hub | undefined;
}

const encoder = new TextEncoder();
/** Tells every browser to refetch what it shows: hints may have been lost. */
export const RESYNC = encoder.encode('event: resync\ndata: {}\n\n');
// The watchdog NOTIFYs itself this often; a LISTEN that heard nothing for 3 pings is re-opened.
const PING_MS = 10_000;
const SILENT_MS = 3 * PING_MS;
const INSTANCE = randomUUID();
const PING_TOPIC = `ping:${INSTANCE}`;
/**
 * How many socket writes a second the fan-out may cost, and the longest a hint may wait for it.
 * A flush costs a socket write per stream it reaches (a system call that also hands the bytes to
 * the other end), and with a thousand streams on a busy topic those writes were a third of the
 * server's CPU in the opening minute (bench:opening), at one write per stream per commit. So
 * after a flush of n writes the next waits n / FANOUT_WRITES_PER_SECOND seconds (at most
 * MAX_FLUSH_GAP_MS), and every hint that arrives meanwhile joins it: a topic a thousand follow
 * reaches them in at most five frames a second however fast the commits come, while a flush that
 * reaches a few streams (a person's own topic) leaves next to no gap. A hint after a quiet spell
 * never waits.
 *
 * The gap only applies to the broadcast availability topics (isPacedTopic: the open recruiters
 * and the event's lists, which a fair's opening storm hints on with every booking and whose
 * followers only drop a taken slot or refetch a list), and only while this process's event loop
 * is busy (LOOP_BUSY_AT of the last window): then those writes take CPU from the bookings that
 * commit, and coalescing them is what keeps bookings moving. A conversation's hints (a chat
 * message, a Q&A vote, a queue position) are what people wait for on screen: they never wait
 * for a gap (paced, bench:session's votes reached a thousand watchers 4× slower than a bare SSE
 * server), and with CPU to spare neither does anything else.
 */
export const FANOUT_WRITES_PER_SECOND = 5000;
export const MAX_FLUSH_GAP_MS = 1000;
export const LOOP_BUSY_AT = 0.8;
// Event-loop utilisation is sampled over windows this long by a timer, so a flush judges the
// last window that ended, however long ago the previous flush was (judged from one flush to the
// next, a storm's first flushes after a quiet minute looked idle and went out unpaced).
const LOOP_WINDOW_MS = 100;
let loopBusy = false;
let loopSampler: ReturnType<typeof setInterval> | undefined;

function sampleLoop(): void {
  if (loopSampler) return;
  let mark = performance.eventLoopUtilization();
  loopSampler = setInterval(() => {
    const now = performance.eventLoopUtilization();
    loopBusy = performance.eventLoopUtilization(now, mark).utilization >= LOOP_BUSY_AT;
    mark = now;
  }, LOOP_WINDOW_MS);
  loopSampler.unref();
}

/** Whether this process's event loop was busy (≥ LOOP_BUSY_AT) over the last window that ended. */
export function loopIsBusy(): boolean {
  sampleLoop();
  return loopBusy;
}

/** The least time after a flush of `writes` socket writes before the next flush. */
export function flushGapMs(writes: number): number {
  return Math.min(MAX_FLUSH_GAP_MS, (writes * 1000) / FANOUT_WRITES_PER_SECOND);
}

function topicOf(payload: string): string | undefined {
  // Only the topic is needed to route; the payload itself is forwarded untouched.
  const m = /"topic":"([^"]+)"/.exec(payload);
  return m?.[1];
}

/**
 * Sends what is pending. A chunk costs far more than its bytes (a socket write per
 * connection), so hints that queued up while the process was busy go out as ONE chunk per
 * stream: under a burst the cost per hint falls instead of the backlog growing without end.
 * A stream's chunk holds the lane's pending hints of the topics it follows, in commit order;
 * streams that follow the same pending topics share one encoded chunk. Across the two lanes a
 * paced hint may reach a stream after a later conversation hint: no follower's read depends on
 * that order (each hint makes it drop, patch or refetch its own topic's data).
 */
function flush(h: Hub, lane: Lane): void {
  const pending = lane.pending;
  lane.pending = [];
  let writes = 0;
  // A stream's pending topics are a bit set: at most 31 distinct topics per part, so a flush of
  // more (rare) goes out as several parts, still in commit order.
  for (let i = 0; i < pending.length; ) {
    const index = new Map<string, number>();
    const start = i;
    for (; i < pending.length; i++) {
      const topic = pending[i]!.topic;
      if (index.has(topic)) continue;
      if (index.size === 31) break;
      index.set(topic, index.size);
    }
    writes += sendPart(h, pending.slice(start, i), index);
  }
  if (lane.paced) lane.nextFlushAt = loopIsBusy() ? performance.now() + flushGapMs(writes) : Number.NEGATIVE_INFINITY;
}

/** Sends one part; answers how many streams it wrote to. */
function sendPart(h: Hub, part: { topic: string; payload: string }[], index: Map<string, number>): number {
  if (index.size === 1) {
    // The usual case (one hint, or a burst on one topic): one chunk for every stream of the topic.
    const topic = part[0]!.topic;
    const subs = h.byTopic.get(topic);
    if (!subs) return 0;
    const frame = encoder.encode(part.map((p) => `data: ${p.payload}\n\n`).join(''));
    for (const send of subs) send(frame);
    recheckPart(h, part, index);
    return subs.size;
  }
  const maskOf = new Map<Subscriber, number>();
  for (const [topic, bit] of index) {
    const subs = h.byTopic.get(topic);
    if (subs) for (const send of subs) maskOf.set(send, (maskOf.get(send) ?? 0) | (1 << bit));
  }
  const frames = new Map<number, Uint8Array>();
  for (const [send, mask] of maskOf) {
    let frame = frames.get(mask);
    if (!frame) {
      let text = '';
      for (const p of part) if (mask & (1 << index.get(p.topic)!)) text += `data: ${p.payload}\n\n`;
      frames.set(mask, (frame = encoder.encode(text)));
    }
    send(frame);
  }
  recheckPart(h, part, index);
  return maskOf.size;
}

/** After the part went out: the streams of a topic with `recheck` hints in it check their access again. */
function recheckPart(h: Hub, part: { topic: string; payload: string }[], index: Map<string, number>): void {
  // A plain substring test: payloads are JSON.stringify of THint, so the flag is spelled this
  // way (a quote inside data or a message body is escaped, so it cannot spell it).
  if (!part.some((p) => p.payload.includes('"recheck":true'))) return;
  for (const topic of index.keys()) {
    const run = part.filter((p) => p.topic === topic);
    if (!run.some((p) => p.payload.includes('"recheck":true'))) continue;
    const subs = h.byTopic.get(topic);
    if (subs) recheckTopic(h, topic, subs, recheckUsers(run));
  }
}

/** Whose access the run's recheck hints are about; undefined when one of them names nobody (all re-check). */
function recheckUsers(run: { payload: string }[]): Set<string> | undefined {
  const users = new Set<string>();
  for (const { payload } of run) {
    if (!payload.includes('"recheck":true')) continue;
    const user = (JSON.parse(payload) as { ids?: { user?: unknown } }).ids?.user;
    if (typeof user !== 'string') return undefined;
    users.add(user);
  }
  return users;
}

function recheckTopic(h: Hub, topic: string, subs: Set<Subscriber>, users: Set<string> | undefined): void {
  // A copy: a stream that closes unsubscribes while we iterate.
  for (const send of [...subs]) {
    const recheck = h.rechecksOf.get(send);
    if (!recheck) continue;
    h.rechecks++;
    recheck(topic, users);
  }
}

/** Every stream of this process, once each, gets a resync (the LISTEN connection was lost). */
function resyncAll(h: Hub): void {
  h.resyncs++;
  const streams = new Set<Subscriber>();
  for (const subs of h.byTopic.values()) for (const s of subs) streams.add(s);
  for (const send of streams) send(RESYNC);
}

function onPayload(h: Hub, payload: string): void {
  h.received++;
  h.lastHeard = Date.now();
  const topic = topicOf(payload);
  if (!topic || !h.byTopic.get(topic)?.size) return;
  const lane = isPacedTopic(topic) ? h.paced : h.atOnce;
  lane.pending.push({ topic, payload });
  if (lane.pending.length > 1) return;
  // A conversation's hints go out as soon as the LISTEN connection's chunk is read: a microtask
  // runs right after it, so every hint of the chunk joins one flush, and the flush does not wait
  // behind the other I/O of this round (a busy server has the votes' and messages' requests
  // there; with setImmediate each hint waited for all of them).
  if (!lane.paced) return queueMicrotask(() => flush(h, lane));
  // A paced hint: setImmediate runs right after this round of I/O, so every hint read in the same
  // round joins the same flush. Within the gap after the last flush, the hint waits for the gap's
  // end, and every hint until then joins it.
  const wait = lane.nextFlushAt - performance.now();
  if (wait <= 0) setImmediate(flush, h, lane);
  else setTimeout(flush, wait, h, lane);
}

async function listen(h: Hub): Promise<void> {
  h.unlisten = await database().listen(LIVE_CHANNEL, (p) => onPayload(h, p), () => resyncAll(h));
  h.lastHeard = Date.now();
}

/**
 * A LISTEN that postgres.js could not re-open (the database was down longer than its one
 * retry) would stay silent for ever: the hub pings itself and, when nothing arrives, listens
 * again and tells every stream to resync.
 */
function watch(h: Hub): void {
  if (database().kind !== 'postgres') return;
  const timer = setInterval(() => {
    // A hub that was dropped (tests reset it between files) stops watching instead of opening
    // a database again behind everyone's back.
    if (globalThis.__fairgroundLiveHub !== h) return clearInterval(timer);
    void database()
      .db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ topic: PING_TOPIC })})`)
      .catch(() => {});
    if (Date.now() - h.lastHeard < SILENT_MS) return;
    const old = h.unlisten;
    h.lastHeard = Date.now();
    void old?.().catch(() => {});
    listen(h).then(
      () => resyncAll(h),
      (err: unknown) => console.warn('[fairground] live updates: LISTEN failed, retrying:', (err as Error)?.message),
    );
  }, PING_MS);
  timer.unref();
}

function newLane(paced: boolean): Lane {
  return { pending: [], nextFlushAt: Number.NEGATIVE_INFINITY, paced };
}

/** One LISTEN connection per process, fanned out to every SSE stream of that process. */
function hub(): Hub {
  if (!globalThis.__fairgroundLiveHub) {
    const h: Hub = { byTopic: new Map(), atOnce: newLane(false), paced: newLane(true), ready: Promise.resolve(), received: 0, lastHeard: Date.now(), resyncs: 0, rechecksOf: new Map(), rechecks: 0 };
    h.ready = listen(h).then(() => watch(h));
    sampleLoop();
    globalThis.__fairgroundLiveHub = h;
  }
  return globalThis.__fairgroundLiveHub;
}

/** Re-check callbacks the hub has called in this process (for tests). */
export function recheckCount(): number {
  return globalThis.__fairgroundLiveHub?.rechecks ?? 0;
}

export async function subscribe(topicList: TTopic[], send: Subscriber, recheck?: Recheck): Promise<() => void> {
  const h = hub();
  await h.ready;
  if (recheck) h.rechecksOf.set(send, recheck);
  for (const t of topicList) {
    let set = h.byTopic.get(t);
    if (!set) h.byTopic.set(t, (set = new Set()));
    set.add(send);
  }
  return () => {
    h.rechecksOf.delete(send);
    for (const t of topicList) {
      const set = h.byTopic.get(t);
      set?.delete(send);
      if (set && set.size === 0) h.byTopic.delete(t);
    }
  };
}
