import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { HOST } from './server';

/** One server-sent event as a client got it; `at` is performance.now() when its bytes arrived. */
export type TSseEvent = { event: string; data: string; at: number };

export type TStreamPool = { close(): void };

export type TStreamOptions = {
  /** Path and query each client opens, e.g. `/api/live?topics=…`. */
  path: (client: number) => string;
  cookie: (client: number) => string;
  /** Every event but `ready`, in arrival order per client. */
  onEvent: (client: number, e: TSseEvent) => void;
  /** The stream is open and follows its topics (the first `ready` of each client). */
  onReady?: (client: number) => void;
  /** Handshakes in flight at once (each is a session check and a few queries on the server). */
  concurrency?: number;
  /** How long a stream may take to its `ready` before the pool fails (default 60 s). */
  readyTimeoutMs?: number;
};

/**
 * Opens `count` SSE streams (one socket each) and resolves once every one got its `ready`
 * event. Any refusal or a stream without `ready` in time fails the whole pool.
 */
export async function openStreams(port: number, count: number, o: TStreamOptions): Promise<TStreamPool> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const requests: http.ClientRequest[] = [];
  const close = () => {
    requests.forEach((r) => r.destroy());
    agent.destroy();
  };
  const connectOne = (c: number) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get({ host: HOST, port, agent, path: o.path(c), headers: { Cookie: o.cookie(c), Accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => reject(new Error(`stream ${c}: HTTP ${res.statusCode} ${body.slice(0, 300)}`)));
          return;
        }
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          const at = performance.now();
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
              o.onReady?.(c);
              resolve();
            } else if (data) o.onEvent(c, { event, data, at });
          }
        });
      });
      const wait = o.readyTimeoutMs ?? 60_000;
      req.setTimeout(wait, () => req.destroy(new Error(`stream ${c}: no ready within ${wait / 1000} s`)));
      req.on('error', reject);
      requests.push(req);
    });

  let next = 0;
  const worker = async () => {
    for (let c = next++; c < count; c = next++) await connectOne(c);
  };
  try {
    await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 64, count) }, worker));
  } catch (err) {
    close();
    throw err;
  }
  return { close };
}

/** The topic a hint's data names (hints are `{"topic":…,"ids":…}`). */
export function hintTopic(data: string): string | undefined {
  return /"topic":"([^"]+)"/.exec(data)?.[1];
}
