// npm run bench:pages — page throughput of the event lobby and the 1-1 chats page as a
// signed-in talent (production build, demo fair on PostgreSQL), against a trivial dynamic
// Next.js page built and served in the same run (a one-page app generated into
// .next-bench-trivial/, outside the product), with the same number of connections.
//
//   npm run bench:pages -- --connections 50 --seconds 20
//   env: DATABASE_URL (admin URL of a local PostgreSQL), NEXT_DIST_DIR (default .next-bench;
//        built when missing, rebuilt with --build), BENCH_PORT (serve on it and the next port)
//
// Target: each page ≥ 0.5× the trivial page's requests per second. Also printed, outside the bar:
// the app's shell alone (a signed-in page without data of its own), to tell the shell's share of
// a page's cost from the page's own.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { openPostgres } from '@/db/client';
import { registrations, users } from '@/db/schema';
import { startDemoFairServer } from './lib/demo-fair';
import { freshDatabase } from './lib/database';
import { load, type TLoadResult } from './lib/load';
import { intOption } from './lib/options';
import { benchPort, ensureBuild, startNext, stopChild } from './lib/server';
import { mintSessionCookies, newAuthSecret } from './lib/sessions';
import { loadAverage, percentiles } from './lib/stats';
import { runBench, teardown } from './lib/teardown';

const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next-bench';
const TRIVIAL_DIR = path.resolve('.next-bench-trivial');
const WARMUP_SECONDS = 5;
const ROUNDS = 4;
const DEADLINE_MS = 20 * 60_000;

/**
 * The reference: the smallest dynamic App Router page — rendered on every request, no data.
 * Its own app (plain JSX, no config of ours), so nothing of the product's is in it.
 */
function writeTrivialApp(): void {
  rmSync(TRIVIAL_DIR, { recursive: true, force: true });
  mkdirSync(path.join(TRIVIAL_DIR, 'app'), { recursive: true });
  const files: Record<string, string> = {
    'next.config.mjs': "export default { poweredByHeader: false, turbopack: { root: process.env.BENCH_ROOT } };\n",
    'app/layout.jsx': "export default function Layout({ children }) {\n  return <html lang=\"en\"><body>{children}</body></html>;\n}\n",
    'app/page.jsx':
      "export const dynamic = 'force-dynamic';\n\nexport default function Page() {\n  return <main><h1>Trivial</h1><p>Rendered at {new Date().toISOString()}</p></main>;\n}\n",
  };
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(TRIVIAL_DIR, file), text);
}

function mergeRuns(list: TLoadResult[]): TLoadResult {
  const requests = list.reduce((n, r) => n + r.requests, 0);
  const seconds = list.reduce((n, r) => n + r.seconds, 0);
  return {
    requests,
    seconds,
    rps: requests / seconds,
    errors: list.reduce((n, r) => n + r.errors, 0),
    firstError: list.find((r) => r.firstError)?.firstError,
    latencies: list.flatMap((r) => r.latencies),
  };
}

function line(label: string, r: TLoadResult): string {
  return `${label.padEnd(10)} ${r.rps.toFixed(0)} req/s, ${percentiles(r.latencies)}, ${r.requests} answers in ${r.seconds.toFixed(1)} s, ${r.errors} errors${r.firstError ? ` (first: ${r.firstError})` : ''}`;
}

async function main(): Promise<void> {
  const connections = intOption('connections', 50);
  const seconds = intOption('seconds', 20);
  ensureBuild(DIST_DIR, { force: process.argv.includes('--build') });
  writeTrivialApp();
  process.env.BENCH_ROOT = process.cwd();
  ensureBuild('.next', { cwd: TRIVIAL_DIR, force: true });

  const cleanup = teardown('bench:pages', DEADLINE_MS);
  const database = await freshDatabase('fg_bench_pages');
  cleanup.add(() => database.drop());
  try {
    const handle = openPostgres(database.url, path.resolve('db/migrations'), 4);
    cleanup.add(() => handle.close());
    const secret = newAuthSecret();
    const { server, eventId } = await startDemoFairServer(handle.db, { distDir: DIST_DIR, port: await benchPort(0), env: { DATABASE_URL: database.url, AUTH_SECRET: secret } });
    cleanup.add(() => stopChild(server));
    const trivial = await startNext({ distDir: '.next', cwd: TRIVIAL_DIR, port: await benchPort(1), env: {}, name: 'trivial' });
    cleanup.add(() => stopChild(trivial));

    // One signed-in talent of the demo fair per connection (the seed's talents, round robin).
    const talents = await handle.db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(registrations)
      .innerJoin(users, eq(users.id, registrations.userId))
      .where(and(eq(registrations.eventId, eventId), eq(registrations.role, 'talent')))
      .orderBy(users.id);
    const cookies = await mintSessionCookies(handle.db, secret, Array.from({ length: connections }, (_, i) => talents[i % talents.length]!));
    const cookie = (c: number) => cookies[c]!;

    const targets = [
      { label: 'trivial', port: trivial.port, path: '/', expect: 'Trivial' },
      // The bell is in the header of signed-in people only; the chats list for registered talents only.
      { label: 'lobby', port: server.port, path: '/events/demo-fair', cookie, expect: 'Notifications' },
      { label: '1-1 chats', port: server.port, path: '/events/demo-fair/chats', cookie, expect: 'My 1-1 Chats' },
      // Not part of the bar: the app's shell alone (proxy with its CSP nonce, root layout with the
      // signed-in header, no data of its own), which says how much of a page's cost is the shell's.
      { label: 'app shell', port: server.port, path: '/signin/check-email', cookie, expect: 'Check your e-mail' },
    ];
    console.log(`pages: ${connections} connections, ${WARMUP_SECONDS} s warm-up each, then ${seconds} s each in ${ROUNDS} interleaved rounds; ${DIST_DIR} and the trivial app served by next start`);
    for (const t of targets) await load({ ...t, connections, seconds: WARMUP_SECONDS });
    // Interleaved rounds, so a change in the machine's other work touches every target alike.
    const runs = new Map<string, TLoadResult[]>(targets.map((t) => [t.label, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const t of targets) runs.get(t.label)!.push(await load({ ...t, connections, seconds: seconds / ROUNDS }));
    }
    const results = new Map<string, TLoadResult>();
    for (const [label, list] of runs) {
      const r = mergeRuns(list);
      results.set(label, r);
      console.log(line(label, r));
    }
    console.log(`load average ${loadAverage()}`);
    const ref = results.get('trivial')!.rps;
    const ratio = (label: string) => (results.get(label)!.rps / ref).toFixed(2);
    console.log(`app shell (signed in, no page data): ${results.get('app shell')!.rps.toFixed(0)} req/s, ratio ${ratio('app shell')} of trivial`);
    console.log(`pages: lobby ${results.get('lobby')!.rps.toFixed(0)} req/s, ratio ${ratio('lobby')} of trivial; 1-1 chats ${results.get('1-1 chats')!.rps.toFixed(0)} req/s, ratio ${ratio('1-1 chats')} of trivial (${ref.toFixed(0)} req/s), ${connections} connections`);
  } finally {
    await cleanup.run();
  }
}

await runBench(main);
