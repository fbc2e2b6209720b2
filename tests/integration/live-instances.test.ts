// Two production servers on one PostgreSQL: a write through one instance reaches the SSE
// followers of the other, because each instance LISTENs on the shared database.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { events, outbox } from '@/db/schema';
import { publishHint } from '@/lib/live/publish';
import { topics, type THint } from '@/lib/live/topics';
import { spawnLogged, stopChild, type TChild } from '../helpers/child-process';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const HOST = '127.0.0.1';
const DIST_DIR = process.env.NEXT_DIST_DIR ?? '.next';
const onPostgres = !!process.env.TEST_DATABASE_URL;

if (!onPostgres) {
  console.log(
    'live-instances: skipped. Two app instances need one shared PostgreSQL (set TEST_DATABASE_URL); ' +
      'PGlite lives inside a single process, so a second instance cannot share it.',
  );
}

// ---------------------------------------------------------------------------------------------
// Servers

type Server = TChild;

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, HOST, r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

function ensureBuild(): void {
  if (existsSync(path.join(DIST_DIR, 'BUILD_ID'))) return;
  const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '', NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
}

async function startServer(name: string, databaseUrl: string, secret: string): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    // Jest's --experimental-vm-modules is for the tests, not for the app.
    NODE_OPTIONS: '',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: secret,
    SEED_DEMO: '1',
    AUTH_DEMO_LOGIN: '1',
    PORT: String(port),
  };
  // Its own process group, so afterAll can stop it together with anything it started.
  return spawnLogged(name, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', HOST], env, port);
}

const stopServer = stopChild;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function waitUntilServing(s: Server, t: TestDatabase): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (s.child.exitCode !== null) throw new Error(`${s.name} exited:\n${s.log.join('').slice(-3000)}`);
    const home = await request(s, 'GET', '/').catch(() => undefined);
    if (home?.status === 200) {
      const [fair] = await t.db.select({ id: events.id }).from(events).where(eq(events.slug, 'demo-fair'));
      if (fair) return;
    }
    await sleep(250);
  }
  throw new Error(`${s.name} did not serve the seeded demo in time:\n${s.log.join('').slice(-3000)}`);
}

// ---------------------------------------------------------------------------------------------
// HTTP with a cookie jar

type Jar = Map<string, string>;
type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function request(s: Server, method: string, pathname: string, opts: { jar?: Jar; form?: Record<string, string> } = {}): Promise<Reply> {
  const body = opts.form ? new URLSearchParams(opts.form).toString() : undefined;
  const headers: http.OutgoingHttpHeaders = {};
  if (opts.jar?.size) headers.Cookie = [...opts.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  if (body) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    headers['Content-Length'] = Buffer.byteLength(body);
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: HOST, port: s.port, method, path: pathname, headers, agent: false }, (res) => {
      for (const c of res.headers['set-cookie'] ?? []) {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        opts.jar?.set(pair!.slice(0, i), pair!.slice(i + 1));
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`${method} ${pathname}: timeout`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Signs a seeded demo person in through the real Auth.js flow of one instance. */
async function signInDemo(s: Server, userId: string): Promise<Jar> {
  const jar: Jar = new Map();
  const csrf = await request(s, 'GET', '/api/auth/csrf', { jar });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await request(s, 'POST', '/api/auth/callback/demo', { jar, form: { csrfToken, userId, callbackUrl: '/' } });
  if (res.status !== 302 || !jar.has('authjs.session-token')) throw new Error(`demo sign-in of ${userId} failed: ${res.status}`);
  return jar;
}

// ---------------------------------------------------------------------------------------------
// SSE follower

type Follower = { hints: THint[]; waitFor(match: (h: THint) => boolean, ms?: number): Promise<THint>; close(): void };

function follow(s: Server, jar: Jar, topicList: string): Promise<Follower> {
  return new Promise((resolve, reject) => {
    const hints: THint[] = [];
    const waiters = new Set<() => void>();
    const req = http.get(
      {
        host: HOST,
        port: s.port,
        path: `/api/live?topics=${topicList}`,
        agent: false,
        // Asks for compression like a browser does: a compressed stream would sit in zlib's buffer.
        headers: { Accept: 'text/event-stream', 'Accept-Encoding': 'gzip, deflate, br', Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      },
      (res) => {
        if (res.statusCode !== 200 || res.headers['content-encoding']) {
          res.resume();
          return reject(new Error(`GET /api/live on ${s.name}: HTTP ${res.statusCode}, encoding ${res.headers['content-encoding']}`));
        }
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          buf += chunk;
          for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
            const lines = buf.slice(0, i).split('\n');
            buf = buf.slice(i + 2);
            const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message';
            const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
            if (event === 'ready') resolve(follower);
            else if (event === 'message' && data) {
              hints.push(JSON.parse(data) as THint);
              waiters.forEach((w) => w());
            }
          }
        });
      },
    );
    req.on('error', reject);
    const follower: Follower = {
      hints,
      waitFor(match, ms = 10_000) {
        return new Promise((ok, fail) => {
          const check = () => {
            const hit = hints.find(match);
            if (!hit) return;
            waiters.delete(check);
            clearTimeout(timer);
            ok(hit);
          };
          const timer = setTimeout(() => {
            waiters.delete(check);
            fail(new Error(`no matching hint on ${s.name} within ${ms} ms; got ${JSON.stringify(hints)}`));
          }, ms);
          waiters.add(check);
          check();
        });
      },
      close: () => req.destroy(),
    };
  });
}

// ---------------------------------------------------------------------------------------------

(onPostgres ? describe : describe.skip)('live hints across two app instances on one PostgreSQL', () => {
  let t: TestDatabase;
  let a: Server | undefined;
  let b: Server | undefined;
  let eventId: string;
  const followers: Follower[] = [];

  beforeAll(async () => {
    ensureBuild();
    t = await createTestDatabase();
    const secret = randomBytes(33).toString('base64');
    // Both boot together: migrations and the demo seed are serialized by advisory locks.
    a = await startServer('A', t.url!, secret);
    b = await startServer('B', t.url!, secret);
    await Promise.all([waitUntilServing(a, t), waitUntilServing(b, t)]);
    const [fair] = await t.db.select({ id: events.id }).from(events).where(eq(events.slug, 'demo-fair'));
    eventId = fair!.id;
  }, 15 * 60_000);

  afterAll(async () => {
    followers.forEach((f) => f.close());
    await Promise.allSettled([stopServer(a), stopServer(b)]);
    await t?.drop();
  }, 60_000);

  test('a magic-link request through A reaches an outbox follower on B', async () => {
    // In demo mode a visitor follows the mails to test addresses (example.com here), not all mails.
    const onB = await follow(b!, await signInDemo(b!, 'demo-talent-02'), 'outbox-reserved');
    followers.push(onB);

    const jar: Jar = new Map();
    const csrf = await request(a!, 'GET', '/api/auth/csrf', { jar });
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const email = `live-${Date.now()}@example.com`;
    const res = await request(a!, 'POST', '/api/auth/signin/email', { jar, form: { csrfToken, email, callbackUrl: '/' } });
    // Auth.js answers with a redirect to its "check your e-mail" step, not to an error.
    expect(res.status).toBe(302);
    expect(res.headers.location).toContain('verify-request');

    const [mail] = await t.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.toEmail, email));
    expect(mail).toBeDefined();
    const hint = await onB.waitFor((h) => h.topic === 'outbox-reserved' && h.ids?.id === mail!.id);
    expect(hint).toEqual({ topic: 'outbox-reserved', ids: { id: mail!.id } });
  }, 60_000);

  test('a committed hint reaches followers on both instances; a rolled-back one reaches nobody', async () => {
    const topic = topics.event(eventId);
    const onA = await follow(a!, await signInDemo(a!, 'demo-talent-03'), topic);
    const onB = await follow(b!, await signInDemo(b!, 'demo-talent-04'), topic);
    followers.push(onA, onB);

    await t.db
      .transaction(async (tx) => {
        await publishHint(tx, topic, { step: 'rolled-back' });
        tx.rollback();
      })
      .catch(() => {});
    await t.db.transaction((tx) => publishHint(tx, topic, { step: 'committed' }));

    for (const f of [onA, onB]) {
      await f.waitFor((h) => h.ids?.step === 'committed');
      // NOTIFYs arrive in commit order, so had the rolled-back one been sent it would be here by now.
      expect(f.hints.map((h) => h.ids?.step)).toEqual(['committed']);
    }
  }, 60_000);
});
