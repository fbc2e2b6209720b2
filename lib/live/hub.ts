import { database } from '@/db/client';
import { LIVE_CHANNEL, type TTopic } from './topics';

type Subscriber = (frame: Uint8Array) => void;

/** One frame on its way to a snapshot of a topic's streams; `next` is the first not yet sent. */
type Job = { frame: Uint8Array; subs: Subscriber[]; next: number };

type Hub = {
  byTopic: Map<string, Set<Subscriber>>;
  /** Hints received and not yet turned into jobs, in commit order. */
  pending: { topic: string; payload: string }[];
  jobs: Job[];
  pumping: boolean;
  ready: Promise<void>;
  received: number;
};

declare global {
  var __fairgroundLiveHub: Hub | undefined;
}

// Streams written per turn of the event loop. Next.js sends each chunk through a web-stream
// pipeline per connection, and a socket's bytes leave only when the turn that wrote them ends:
// in slices, the first browsers have a hint while later ones are still being written, and
// requests to this instance are not held up for the whole fan-out.
const SLICE = Number(process.env.LIVE_SLICE ?? 100);

const encoder = new TextEncoder();

function topicOf(payload: string): string | undefined {
  // Only the topic is needed to route; the payload itself is forwarded untouched.
  const m = /"topic":"([^"]+)"/.exec(payload);
  return m?.[1];
}

/**
 * Hints that queued up while the process was busy go out as one chunk per stream, so under a
 * burst the cost per hint falls instead of the backlog growing. Only consecutive hints of one
 * topic are merged, and jobs run in order, so every stream still sees commit order.
 */
function takePending(h: Hub): void {
  const pending = h.pending;
  h.pending = [];
  for (let i = 0; i < pending.length; ) {
    const topic = pending[i]!.topic;
    let text = '';
    for (; i < pending.length && pending[i]!.topic === topic; i++) text += `data: ${pending[i]!.payload}\n\n`;
    const subs = h.byTopic.get(topic);
    // Encoded once, shared by every stream of the topic.
    if (subs?.size) h.jobs.push({ frame: encoder.encode(text), subs: [...subs], next: 0 });
  }
}

function pump(h: Hub): void {
  takePending(h);
  let budget = SLICE;
  while (budget > 0 && h.jobs.length > 0) {
    const job = h.jobs[0]!;
    const end = Math.min(job.subs.length, job.next + budget);
    budget -= end - job.next;
    while (job.next < end) job.subs[job.next++]!(job.frame);
    if (job.next === job.subs.length) h.jobs.shift();
  }
  // setImmediate: the next slice runs after this turn's writes are flushed and pending I/O
  // (more hints among it) is read.
  h.pumping = h.jobs.length > 0 || h.pending.length > 0;
  if (h.pumping) setImmediate(pump, h);
}

/** One LISTEN connection per process, fanned out to every SSE stream of that process. */
function hub(): Hub {
  if (!globalThis.__fairgroundLiveHub) {
    const h: Hub = { byTopic: new Map(), pending: [], jobs: [], pumping: false, ready: Promise.resolve(), received: 0 };
    h.ready = database()
      .listen(LIVE_CHANNEL, (payload) => {
        h.received++;
        const topic = topicOf(payload);
        if (!topic || !h.byTopic.get(topic)?.size) return;
        h.pending.push({ topic, payload });
        // Right after this round of I/O: no delay when idle, and every hint read in the same
        // round (a busy process reads several at once) joins the same job.
        if (!h.pumping) {
          h.pumping = true;
          setImmediate(pump, h);
        }
      })
      .then(() => undefined);
    globalThis.__fairgroundLiveHub = h;
  }
  return globalThis.__fairgroundLiveHub;
}

export async function subscribe(topicList: TTopic[], send: Subscriber): Promise<() => void> {
  const h = hub();
  await h.ready;
  for (const t of topicList) {
    let set = h.byTopic.get(t);
    if (!set) h.byTopic.set(t, (set = new Set()));
    set.add(send);
  }
  return () => {
    for (const t of topicList) {
      const set = h.byTopic.get(t);
      set?.delete(send);
      if (set && set.size === 0) h.byTopic.delete(t);
    }
  };
}
