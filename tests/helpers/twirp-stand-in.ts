import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type TTwirpCall = { path: string; authorization: string | undefined; body: unknown };

/**
 * A stand-in for LiveKit's server API (Twirp over HTTP): records every call and answers with
 * `reply(path)` — by default an empty JSON message, which is what DeleteRoom returns.
 */
export async function startTwirpStandIn(reply: (path: string) => { status: number; body: unknown } = () => ({ status: 200, body: {} })) {
  const calls: TTwirpCall[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      calls.push({ path: req.url ?? '', authorization: req.headers.authorization, body: raw ? JSON.parse(raw) : null });
      const { status, body } = reply(req.url ?? '');
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}`, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
