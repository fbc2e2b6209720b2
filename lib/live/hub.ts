import { database } from '@/db/client';
import { LIVE_CHANNEL, type TTopic } from './topics';

type Subscriber = (frame: Uint8Array) => void;

type Hub = {
  byTopic: Map<string, Set<Subscriber>>;
  /** Hints received but not yet fanned out, in commit order. */
  pending: { topic: string; payload: string }[];
  ready: Promise<void>;
  received: number;
};

declare global {
  var __fairgroundLiveHub: Hub | undefined;
}

const encoder = new TextEncoder();

function topicOf(payload: string): string | undefined {
  // Only the topic is needed to route; the payload itself is forwarded untouched.
  const m = /"topic":"([^"]+)"/.exec(payload);
  return m?.[1];
}

/**
 * Sends what is pending. A chunk costs far more than its bytes (a socket write per
 * connection), so hints that queued up while the process was busy go out as one chunk per stream: under a burst the cost per hint falls instead of the backlog
 * growing without end. Only consecutive hints of one topic are merged, so every stream still
 * sees commit order.
 */
function flush(h: Hub): void {
  const pending = h.pending;
  h.pending = [];
  for (let i = 0; i < pending.length; ) {
    const topic = pending[i]!.topic;
    let text = '';
    for (; i < pending.length && pending[i]!.topic === topic; i++) text += `data: ${pending[i]!.payload}\n\n`;
    const subs = h.byTopic.get(topic);
    if (!subs) continue;
    // Encoded once, shared by every stream of the topic.
    const frame = encoder.encode(text);
    for (const send of subs) send(frame);
  }
}

/** One LISTEN connection per process, fanned out to every SSE stream of that process. */
function hub(): Hub {
  if (!globalThis.__fairgroundLiveHub) {
    const h: Hub = { byTopic: new Map(), pending: [], ready: Promise.resolve(), received: 0 };
    h.ready = database()
      .listen(LIVE_CHANNEL, (payload) => {
        h.received++;
        const topic = topicOf(payload);
        if (!topic || !h.byTopic.get(topic)?.size) return;
        h.pending.push({ topic, payload });
        // setImmediate runs right after this round of I/O: no delay when idle, and every hint
        // read in the same round (a busy process reads several at once) joins the same flush.
        if (h.pending.length === 1) setImmediate(flush, h);
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
