// npm run bench:desk — P participants enter one chat desk with M moderators (limit L each); the
// moderators answer and close conversations at random until everyone was served. First through
// lib/desks (what the server actions call), then the same workload as bare SQL transactions
// around the same claim query, on PostgreSQL.
//
//   npm run bench:desk -- --participants 300 --moderators 10 --limit 3
//   env: DATABASE_URL (admin URL of a local PostgreSQL; default the local `test` database)
//
// T (admit p99) is measured in the lib run the way a participant's browser lives it: from the
// start of a moderator's close to the moment that a participant, woken by the live hint
// (LISTEN), reads their view (participantView) and sees themselves admitted.
// O counts moments where a moderator had more open conversations than the limit (sampled while
// running, plus the final state); F counts people admitted while someone who queued before them
// was still waiting.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Placeholder } from 'drizzle-orm';
import postgres from 'postgres';
import { openPostgres, type Db } from '@/db/client';
import { deskModerators, desks, events, registrations, users } from '@/db/schema';
import { closeConversation } from '@/lib/desks/close-conversation';
import { enterDesk } from '@/lib/desks/enter-desk';
import { participantView } from '@/lib/desks/participant-view';
import { CLAIM_NEXT_SQL } from '@/lib/desks/queue';
import { LIVE_CHANNEL } from '@/lib/live/topics';
import { freshDatabase } from './lib/database';
import { intOption, sleep } from './lib/options';
import { percentile } from './lib/stats';

const POOL = 20;

// A fixed pseudo-random sequence, so both runs answer with the same think times.
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

type TRun = { admissions: number; seconds: number; overLimit: number; outOfOrder: number; admitLatencies: number[]; errors: string[] };
type TWorkload = {
  enter(participantId: string): Promise<void>;
  close(moderatorId: string, conversationId: string): Promise<void>;
};

async function prepare(db: Db, label: string, participants: number, moderators: number, limit: number) {
  const [event] = await db.insert(events).values({ slug: `desk-bench-${label}`, name: `Desk bench ${label}`, timeZone: 'UTC', status: 'live' }).returning();
  const mods = Array.from({ length: moderators }, (_, i) => `${label}-mod-${i}`);
  const people = Array.from({ length: participants }, (_, i) => `${label}-p-${i}`);
  await db.insert(users).values([...mods, ...people].map((id) => ({ id, name: id, email: `${id}@bench.test` })));
  await db.insert(registrations).values([
    ...mods.map((userId) => ({ eventId: event!.id, userId, role: 'moderator' as const })),
    ...people.map((userId) => ({ eventId: event!.id, userId, role: 'talent' as const })),
  ]);
  const now = Date.now();
  const [desk] = await db
    .insert(desks)
    .values({ eventId: event!.id, name: `Bench ${label}`, opensAt: new Date(now - 3_600_000), closesAt: new Date(now + 3_600_000), limitPerModerator: limit })
    .returning();
  await db.insert(deskModerators).values(mods.map((userId) => ({ deskId: desk!.id, userId })));
  return { deskId: desk!.id, mods, people };
}

/** Runs the workload: everyone enters at once, moderators close at random until all are served. */
async function run(sqlc: postgres.Sql, deskId: string, mods: string[], people: string[], limit: number, w: TWorkload): Promise<TRun> {
  const errors: string[] = [];
  const random = rng(42);
  let overLimit = 0;
  let done = false;
  const monitor = (async () => {
    while (!done) {
      const [row] = await sqlc`select count(*)::int as n from (select assigned_to from conversations where desk_id = ${deskId} and status = 'open' group by assigned_to having count(*) > ${limit}) x`;
      overLimit += row!.n as number;
      await sleep(20);
    }
  })();
  const started = performance.now();
  let lastAdmission = started;
  let entered = 0;
  const entering = Promise.all(people.map((p) => w.enter(p).catch((e: unknown) => void errors.push(String(e))).finally(() => entered++)));
  const moderate = async (mod: string) => {
    for (;;) {
      const open = await sqlc`select id from conversations where desk_id = ${deskId} and assigned_to = ${mod} and status = 'open'`;
      if (open.length === 0) {
        const [left] = await sqlc`select count(*)::int as n from conversations where desk_id = ${deskId} and status in ('queued', 'open')`;
        if ((left!.n as number) === 0 && entered >= people.length) return;
        await sleep(2);
        continue;
      }
      await sleep(random() * 3); // answering
      const pick = open[Math.floor(random() * open.length)]!.id as string;
      await w.close(mod, pick).catch((e: unknown) => void errors.push(String(e)));
      lastAdmission = performance.now();
    }
  };
  await Promise.all([entering, ...mods.map(moderate)]);
  done = true;
  await monitor;
  const [final] = await sqlc`select count(*)::int as n from desk_moderators where desk_id = ${deskId} and open_count > ${limit}`;
  const [order] = await sqlc`
    select count(*)::int as n from (
      select admitted_at, max(admitted_at) over (order by first_queued_at, id rows between unbounded preceding and 1 preceding) as before
      from conversations where desk_id = ${deskId}) x
    where before > admitted_at`;
  const [count] = await sqlc`select count(*)::int as n from conversations where desk_id = ${deskId} and admitted_at is not null`;
  return {
    admissions: count!.n as number,
    seconds: (lastAdmission - started) / 1000,
    overLimit: overLimit + (final!.n as number),
    outOfOrder: order!.n as number,
    admitLatencies: [],
    errors,
  };
}

function rawWorkload(sqlc: postgres.Sql, deskId: string): TWorkload {
  const claim = new PgDialect().sqlToQuery(CLAIM_NEXT_SQL);
  const claimNext = (tx: postgres.TransactionSql, prefer: string | null) =>
    tx.unsafe(claim.sql, claim.params.map((p) => ({ deskId, only: null, prefer })[(p as Placeholder).name as 'deskId' | 'only' | 'prefer']) as never[]);
  const admitAll = async (tx: postgres.TransactionSql, prefer: string | null) => {
    for (;;) {
      const rows = await claimNext(tx, prefer);
      if (rows.length === 0) return;
    }
  };
  return {
    async enter(p) {
      await sqlc.begin(async (tx) => {
        await tx`select id from desks where id = ${deskId} for no key update`;
        await tx`insert into conversations (desk_id, participant_id, queued_at, first_queued_at) values (${deskId}, ${p}, clock_timestamp(), clock_timestamp())`;
        await admitAll(tx, null);
      });
    },
    async close(mod, id) {
      await sqlc.begin(async (tx) => {
        await tx`select id from desks where id = ${deskId} for no key update`;
        await tx`update conversations set status = 'closed', closed_at = clock_timestamp() where id = ${id} and status = 'open'`;
        await admitAll(tx, mod);
      });
    },
  };
}

async function main() {
  const participants = intOption('participants', 300);
  const moderators = intOption('moderators', 10);
  const limit = intOption('limit', 3);
  const database = await freshDatabase('fg_bench_desk');
  const handle = openPostgres(database.url, path.resolve('db/migrations'), POOL);
  const sqlc = postgres(database.url, { max: POOL, onnotice: () => {} });
  try {
    await handle.migrate();
    console.log(`desk: ${participants} participants, ${moderators} moderators × limit ${limit}, pool ${POOL}`);

    // lib/desks, with each waiting participant's view woken by its live hint.
    const lib = await prepare(handle.db, 'lib', participants, moderators, limit);
    const closeStarted = new Map<string, number>();
    const waiting = new Map<string, string>(); // conversation id → participant
    const latencies: number[] = [];
    const unlisten = await handle.listen(LIVE_CHANNEL, (payload) => {
      const hint = JSON.parse(payload) as { topic: string };
      if (!hint.topic.startsWith('conversation:')) return;
      const id = hint.topic.slice('conversation:'.length);
      const participant = waiting.get(id);
      if (!participant) return;
      void participantView(handle.db, { id: participant, isAdmin: false }, { conversationId: id }).then(async (view) => {
        if (view.status !== 'open' || !waiting.has(id)) return;
        waiting.delete(id);
        const [row] = await sqlc`select assigned_to from conversations where id = ${id}`;
        const since = closeStarted.get(row!.assigned_to as string);
        if (since !== undefined) latencies.push(performance.now() - since);
      });
    });
    const libRun = await run(
      sqlc,
      lib.deskId,
      lib.mods,
      lib.people,
      limit,
      {
        async enter(p) {
          const { conversationId } = await enterDesk(handle.db, { id: p, isAdmin: false }, { deskId: lib.deskId });
          const [row] = await sqlc`select status from conversations where id = ${conversationId}`;
          if (row!.status === 'queued') waiting.set(conversationId, p);
        },
        async close(mod, id) {
          closeStarted.set(mod, performance.now());
          await closeConversation(handle.db, { id: mod, isAdmin: false }, { conversationId: id });
        },
      },
    );
    await sleep(500); // the last views
    await unlisten();

    // The same workload as bare SQL: the desk lock and the claim statement, nothing else.
    const raw = await prepare(handle.db, 'raw', participants, moderators, limit);
    const rawRun = await run(sqlc, raw.deskId, raw.mods, raw.people, limit, rawWorkload(sqlc, raw.deskId));

    const show = (label: string, r: TRun) =>
      console.log(`${label.padEnd(10)} ${r.admissions} admissions in ${r.seconds.toFixed(2)} s = ${(r.admissions / r.seconds).toFixed(0)}/s, ${r.overLimit} over-limit, ${r.outOfOrder} out-of-order, ${r.errors.length} errors${r.errors[0] ? ` (first: ${r.errors[0]})` : ''}`);
    show('lib/desks', libRun);
    show('raw SQL', rawRun);
    const rate = libRun.admissions / libRun.seconds;
    const ratio = rate / (rawRun.admissions / rawRun.seconds);
    console.log(`admit latency over ${latencies.length} queued participants: p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`);
    console.log(
      `desk: ${rate.toFixed(0)} admissions/s, ratio ${ratio.toFixed(2)} of raw SQL, admit p99 ${percentile(latencies, 99).toFixed(0)} ms, ${libRun.overLimit} over-limit, ${libRun.outOfOrder} out-of-order`,
    );
  } finally {
    await sqlc.end();
    await handle.close();
    await database.drop();
  }
}

await main();
