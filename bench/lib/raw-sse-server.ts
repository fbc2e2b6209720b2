// The bare SSE reference server of bench:live and bench:session, run as its own process (so it
// never shares an event loop with the clients, like the Next server): one LISTEN connection and
// a topic → streams map, nothing else — the floor any SSE fan-out could reach.
//   env: RAW_DATABASE_URL, RAW_PORT; prints `raw-ready` once it listens.
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { LIVE_CHANNEL } from '@/lib/live/topics';
import { HOST, startChild, waitFor, type TChild } from './server';
import { hintTopic } from './sse';

async function serveRaw(): Promise<void> {
  const sql = postgres(process.env.RAW_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const byTopic = new Map<string, Set<http.ServerResponse>>();
  await sql.listen(LIVE_CHANNEL, (payload) => {
    const topic = hintTopic(payload);
    const subs = topic ? byTopic.get(topic) : undefined;
    if (!subs) return;
    const frame = Buffer.from(`data: ${payload}\n\n`);
    for (const res of subs) res.write(frame);
  });
  const server = http.createServer((req, res) => {
    const list = new URL(req.url ?? '/', 'http://x').searchParams.get('topics')?.split(',') ?? [];
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform' });
    for (const t of list) (byTopic.get(t) ?? byTopic.set(t, new Set()).get(t)!).add(res);
    res.on('close', () => list.forEach((t) => byTopic.get(t)?.delete(res)));
    res.write('retry: 2000\nevent: ready\ndata: {}\n\n');
  });
  server.listen(Number(process.env.RAW_PORT), HOST, () => console.log('raw-ready'));
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close();
    void sql.end({ timeout: 1 }).finally(() => process.exit(0));
  });
}

/** Starts the reference server on the bench database; resolves once it listens. */
export async function startRawServer(dbUrl: string, port: number): Promise<TChild> {
  const self = fileURLToPath(import.meta.url);
  const server = startChild('raw', [...process.execArgv, self], { ...process.env, RAW_DATABASE_URL: dbUrl, RAW_PORT: String(port) }, port);
  await waitFor('the reference server', server, 30_000, async () => server.log.join('').includes('raw-ready'));
  return server;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await serveRaw();
