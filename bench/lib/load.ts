import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { HOST } from './server';

export type TLoadResult = { requests: number; errors: number; firstError?: string; seconds: number; rps: number; latencies: number[] };

export type TLoadOptions = {
  port: number;
  path: string;
  /** Cookie of connection `c` (each connection is one signed-in person), if any. */
  cookie?: (c: number) => string;
  connections: number;
  seconds: number;
  /** Answers are checked: a 200 whose body has this text, else an error. */
  expect?: string;
};

/**
 * A closed-loop HTTP load: `connections` keep-alive connections, each sending the next GET as
 * soon as the last one is answered, for `seconds`. Latency is from send to the last byte.
 */
export async function load(o: TLoadOptions): Promise<TLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const fail = (why: string) => {
    errors++;
    firstError ??= why;
  };
  const once = (c: number) =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      const req = http.get({ host: HOST, port: o.port, path: o.path, agent, headers: o.cookie ? { Cookie: o.cookie(c) } : {} }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => {
          if (res.statusCode !== 200) fail(`HTTP ${res.statusCode}`);
          else if (o.expect && !body.includes(o.expect)) fail(`no "${o.expect}" in the page`);
          else latencies.push(performance.now() - t);
          resolve();
        });
      });
      req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')));
      req.on('error', (err) => {
        fail(err.message);
        resolve();
      });
    });
  const t0 = performance.now();
  const until = t0 + o.seconds * 1000;
  await Promise.all(
    Array.from({ length: o.connections }, async (_, c) => {
      while (performance.now() < until) await once(c);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return { requests: latencies.length, errors, firstError, seconds, rps: latencies.length / seconds, latencies };
}
