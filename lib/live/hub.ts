import { database } from '@/db/client';
import { LIVE_CHANNEL, type TTopic } from './topics';

type Subscriber = (frame: Uint8Array) => void;

type Hub = {
  byTopic: Map<string, Set<Subscriber>>;
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

/** One LISTEN connection per process, fanned out to every SSE stream of that process. */
function hub(): Hub {
  if (!globalThis.__fairgroundLiveHub) {
    const h: Hub = { byTopic: new Map(), ready: Promise.resolve(), received: 0 };
    h.ready = database()
      .listen(LIVE_CHANNEL, (payload) => {
        h.received++;
        const topic = topicOf(payload);
        const subs = topic ? h.byTopic.get(topic) : undefined;
        if (!subs || subs.size === 0) return;
        const frame = encoder.encode(`data: ${payload}\n\n`);
        for (const send of subs) send(frame);
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
