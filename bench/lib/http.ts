import http from 'node:http';
import { HOST } from './server';

export type TResponse = { status: number; text: string; location?: string; json<T = unknown>(): T };

/** A request with a cookie over a keep-alive agent; the body is sent as JSON. */
/** With `signal`, an abort drops the connection mid-request, as a browser's aborted fetch does. */
export function request(
  agent: http.Agent,
  port: number,
  method: string,
  pathname: string,
  cookie: string,
  body?: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<TResponse> {
  const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain;charset=UTF-8' : 'application/json';
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: HOST, port, method, path: pathname, agent, headers: { Cookie: cookie, ...(data ? { 'Content-Type': type, 'Content-Length': Buffer.byteLength(data) } : {}), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, location: res.headers.location, json: <T>() => (text ? JSON.parse(text) : null) as T }));
        res.on('error', reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error(`${method} ${pathname}: no answer within 60 s`)));
    req.on('error', reject);
    if (signal?.aborted) return void req.destroy(new Error('aborted'));
    signal?.addEventListener('abort', () => req.destroy(new Error('aborted')), { once: true });
    req.end(data);
  });
}

/**
 * Calls a server action the way React does from the page at `pathname`: a POST with the
 * action's id, the arguments as JSON text, and the site's own Origin. Resolves to what the
 * action returned (the result row of the RSC answer).
 */
export async function callAction<T>(agent: http.Agent, port: number, pathname: string, id: string, cookie: string, args: unknown[]): Promise<T> {
  const res = await request(agent, port, 'POST', pathname, cookie, JSON.stringify(args), {
    'Next-Action': id,
    Accept: 'text/x-component',
    Origin: `http://${HOST}:${port}`,
  });
  // The answer is a stream of rows `<id>:<json>`; row 0 points at the result (`"a":"$@1"`).
  const row = /^1:(.*)$/m.exec(res.text)?.[1];
  if (res.status !== 200 || !row) throw new Error(`action ${id}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
  return JSON.parse(row) as T;
}
