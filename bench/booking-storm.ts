// npm run bench:booking — K talents race for the slots of R recruiters through lib/chats/bookDirect
// (what the server action calls), then the same bookings as bare SQL transactions, on PostgreSQL.
//
//   npm run bench:booking -- --talents 200 --recruiters 12
//   env: DATABASE_URL (admin URL of a local PostgreSQL; default the local `test` database)
//
// Afterwards it checks the invariants in the database: no slot with two live chats, no talent
// with overlapping chats, and every credit account equal to its ledger and its bookings.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { tz } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { openPostgres, type Db } from '@/db/client';
import { companyMembers, eventCompanies, eventDays, events, registrations, slots, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { bookDirect } from '@/lib/chats/book-direct';
import { confirmAvailability, updateChatSettings } from '@/lib/chats/chat-settings';
import { setAvailability } from '@/lib/chats/set-availability';
import { slotGrid } from '@/lib/chats/slot-grid';
import { AppError } from '@/lib/errors';
import { assertLocalDatabase } from '../tests/helpers/test-db';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const POOL = 20;
const CREDITS = 20;
const DURATION = 15;
// About the size of a real chat .ics, so the raw run stores as many bytes as the use-case.
const ICS_SIZED = 'BEGIN:VCALENDAR\r\n'.padEnd(1100, 'X');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = Number.parseInt(i >= 0 ? (process.argv[i + 1] ?? '') : '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

async function freshDatabase(name: string): Promise<string> {
  assertLocalDatabase(ADMIN_URL);
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(name: string): Promise<void> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}

/** A three-day event two days ahead, the demo's recruiters in it, and K fresh talents. */
async function prepare(db: Db, talentsWanted: number, recruitersWanted: number) {
  await seedDemo(db);
  const zone = 'Europe/Berlin';
  const start = addDays(new Date(), 2);
  const [event] = await db
    .insert(events)
    .values({ slug: 'booking-storm', name: 'Booking storm', timeZone: zone, status: 'live', talentRequestCredits: CREDITS })
    .returning();
  const dates = [0, 1, 2].map((d) => format(addDays(start, d, { in: tz(zone) }), 'yyyy-MM-dd', { in: tz(zone) }));
  const days = await db
    .insert(eventDays)
    .values(dates.map((date) => ({ eventId: event!.id, date, mode: 'virtual' as const, opensAt: '08:00', closesAt: '20:00', chatDurations: [DURATION] })))
    .returning();
  const companies = await db.select({ companyId: companyMembers.companyId, userId: companyMembers.userId }).from(companyMembers);
  await db.insert(eventCompanies).values([...new Set(companies.map((c) => c.companyId))].map((companyId) => ({ eventId: event!.id, companyId })));
  const recruiters = companies.map((c) => c.userId).sort().slice(0, recruitersWanted);
  await db.insert(registrations).values(recruiters.map((userId) => ({ eventId: event!.id, userId, role: 'recruiter' as const })));
  const talents = Array.from({ length: talentsWanted }, (_, i) => `storm-talent-${i}`);
  await db.insert(users).values(talents.map((id) => ({ id, name: id, email: `${id}@bench.test` })));
  await db.insert(registrations).values(talents.map((userId) => ({ eventId: event!.id, userId, role: 'talent' as const })));
  for (const r of recruiters) {
    for (const day of days) {
      const grid = slotGrid(day, DURATION, zone);
      await setAvailability(db, { id: r, isAdmin: false }, { eventDayId: day.id, durationMinutes: DURATION, startTimes: grid.map((s) => s.startsAt.toISOString()) });
    }
    await updateChatSettings(db, { id: r, isAdmin: false }, event!.id, { bookingMode: 'direct' });
    await confirmAvailability(db, { id: r, isAdmin: false }, event!.id);
  }
  const allSlots = await db.select({ id: slots.id, recruiterId: slots.recruiterId, startsAt: slots.startsAt }).from(slots).where(eq(slots.eventId, event!.id));
  return { eventId: event!.id, talents, slotList: allSlots };
}

type Outcome = { booked: number; attempts: number; latencies: number[]; seconds: number; unexpected: string[] };
type TSlot = { id: string; recruiterId: string; startsAt: Date };

/**
 * Each talent behaves like a person on the live list: picks a random slot still shown as free,
 * with a recruiter it has not booked yet and at a time it is free, until its credits run out.
 * Many talents pick the same slot at the same moment; the losers hear slot_taken and pick again.
 */
async function storm(talents: string[], all: TSlot[], book: (talent: string, slotId: string) => Promise<void>): Promise<Outcome> {
  const latencies: number[] = [];
  const unexpected: string[] = [];
  const free = new Map(all.map((s) => [s.id, s]));
  let booked = 0;
  const t0 = performance.now();
  await Promise.all(
    talents.map(async (talent, i) => {
      const mine = new Set<string>();
      const busy = new Set<number>();
      let seed = i + 1;
      for (;;) {
        const options = [...free.values()].filter((s) => !mine.has(s.recruiterId) && !busy.has(s.startsAt.getTime()));
        if (options.length === 0) return;
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        const slot = options[seed % options.length]!;
        const s = performance.now();
        try {
          await book(talent, slot.id);
          booked++;
          free.delete(slot.id);
          mine.add(slot.recruiterId);
          busy.add(slot.startsAt.getTime());
        } catch (err) {
          const code = err instanceof AppError ? err.code : 'crash';
          if (code === 'slot_taken') free.delete(slot.id);
          else if (code === 'time_clash') busy.add(slot.startsAt.getTime());
          else if (code === 'already_requested') mine.add(slot.recruiterId);
          else if (code !== 'no_credits') unexpected.push(`${code}: ${String(err).slice(0, 200)}`);
          if (code === 'no_credits' || code === 'crash') {
            latencies.push(performance.now() - s);
            return;
          }
        }
        latencies.push(performance.now() - s);
      }
    }),
  );
  return { booked, attempts: latencies.length, latencies, seconds: (performance.now() - t0) / 1000, unexpected };
}

/** The same booking as one bare SQL transaction: what PostgreSQL itself costs for this work. */
function rawBooker(sqlc: postgres.Sql, eventId: string) {
  return async (talent: string, slotId: string) => {
    try {
      await sqlc.begin(async (tx) => {
        const [chat] = await tx`
          insert into chat_requests (event_id, company_id, talent_id, recruiter_id, initiated_by, sent_by, status, slot_id, starts_at, ends_at)
          select s.event_id, m.company_id, ${talent}, s.recruiter_id, 'talent', ${talent}, 'confirmed', s.id, s.starts_at, s.ends_at
          from slots s join company_members m on m.user_id = s.recruiter_id
          where s.id = ${slotId}
          returning id`;
        await tx`insert into credit_accounts (event_id, user_id, kind, granted) values (${eventId}, ${talent}, 'talent', ${CREDITS}) on conflict do nothing`;
        const spent = await tx`update credit_accounts set spent = spent + 1 where event_id = ${eventId} and user_id = ${talent} and kind = 'talent' and spent < granted returning spent`;
        if (spent.length === 0) throw new AppError('no_credits', 'none left');
        await tx`insert into credit_ledger (event_id, user_id, kind, delta, reason, request_id) values (${eventId}, ${talent}, 'talent', -1, 'direct booking', ${chat!.id})`;
        // What every booking also writes: a notification and a mail (with its .ics) for each
        // side, and the live hint — the same rows the use-case stores, minus the app around it.
        await tx`
          insert into notifications (user_id, event_id, kind, title, href)
          select u, ${eventId}, 'chat.confirmed', '1-1 chat confirmed', '/chats'
          from unnest(array[${talent}, (select recruiter_id from chat_requests where id = ${chat!.id})]) as u`;
        await tx`
          insert into outbox (to_email, event_id, kind, subject, text, attachments)
          select u || '@bench.test', ${eventId}, 'chat.confirmed', '1-1 chat confirmed', 'Open your 1-1 chats', ${sqlc.json([{ filename: 'chat.ics', contentType: 'text/calendar', content: ICS_SIZED }])}
          from unnest(array[${talent}, 'recruiter']) as u`;
        await tx`select pg_notify('fairground_live', ${JSON.stringify({ topic: `user:${talent}`, ids: { chat: chat!.id } })})`;
      });
    } catch (err) {
      if (err instanceof AppError) throw err;
      const c = (err as { constraint_name?: string }).constraint_name;
      if (c === 'chat_requests_slot_live_unique') throw new AppError('slot_taken', 'taken');
      if (c === 'chat_requests_talent_no_overlap') throw new AppError('time_clash', 'clash');
      if (c === 'chat_requests_open_pair_unique') throw new AppError('already_requested', 'pair');
      throw err;
    }
  };
}

async function checkInvariants(sqlc: postgres.Sql, eventId: string) {
  const [double] = await sqlc`select count(*)::int as n from (select slot_id from chat_requests where event_id = ${eventId} and status = 'confirmed' group by slot_id having count(*) > 1) d`;
  const [overlap] = await sqlc`
    select count(*)::int as n from chat_requests a join chat_requests b
      on a.talent_id = b.talent_id and a.id < b.id and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
    where a.event_id = ${eventId} and b.event_id = ${eventId} and a.status = 'confirmed' and b.status = 'confirmed'`;
  const [credits] = await sqlc`
    select count(*)::int as n from credit_accounts c
    where c.event_id = ${eventId} and (
      c.spent > c.granted
      or c.spent <> (select count(*) from chat_requests r where r.event_id = c.event_id and r.talent_id = c.user_id and r.status = 'confirmed')
      or c.spent <> -(select coalesce(sum(delta), 0) from credit_ledger l where l.event_id = c.event_id and l.user_id = c.user_id))`;
  return { doubles: double!.n + overlap!.n, creditErrors: credits!.n };
}

async function reset(sqlc: postgres.Sql, eventId: string) {
  // Together: the database checks at commit that every account matches its ledger.
  await sqlc.begin(async (tx) => {
    await tx`delete from credit_ledger where event_id = ${eventId}`;
    await tx`delete from credit_accounts where event_id = ${eventId}`;
  });
  await sqlc`delete from notifications where event_id = ${eventId}`;
  await sqlc`delete from outbox where event_id = ${eventId}`;
  await sqlc`delete from chat_requests where event_id = ${eventId}`;
}

function report(name: string, o: Outcome) {
  console.log(
    `${name.padEnd(14)} ${o.booked} bookings in ${o.seconds.toFixed(2)} s = ${(o.booked / o.seconds).toFixed(0)} bookings/s; ` +
      `${o.attempts} attempts, latency p50 ${percentile(o.latencies, 50).toFixed(1)} ms, p99 ${percentile(o.latencies, 99).toFixed(1)} ms`,
  );
  if (o.unexpected.length) console.log(`  unexpected errors: ${o.unexpected.length}, first: ${o.unexpected[0]}`);
}

async function main() {
  const talentsWanted = option('talents', 200);
  const recruitersWanted = option('recruiters', 12);
  const name = `fg_bench_booking_${process.pid}`;
  const url = await freshDatabase(name);
  const handle = openPostgres(url, path.resolve('db/migrations'), POOL);
  const sqlc = postgres(url, { max: POOL, onnotice: () => {} });
  try {
    await handle.migrate();
    const { eventId, talents, slotList } = await prepare(handle.db, talentsWanted, recruitersWanted);
    console.log(`booking-storm: ${talents.length} talents × ${recruitersWanted} recruiters, ${slotList.length} slots, ${CREDITS} credits each, pool ${POOL}`);

    const libBook = (talent: string, slotId: string) => bookDirect(handle.db, { id: talent, isAdmin: false }, { slotId }).then(() => undefined);
    const rawBook = rawBooker(sqlc, eventId);
    // Warm both paths (connections, JIT, plans) on a few talents, then start from a clean slate.
    await storm(talents.slice(0, 10), slotList, libBook);
    await reset(sqlc, eventId);
    await storm(talents.slice(0, 10), slotList, rawBook);
    await reset(sqlc, eventId);
    // Same workload twice: the app's use-case, then bare SQL.
    const lib = await storm(talents, slotList, libBook);
    const libChecks = await checkInvariants(sqlc, eventId);
    report('lib/chats', lib);
    await reset(sqlc, eventId);
    const raw = await storm(talents, slotList, rawBook);
    const rawChecks = await checkInvariants(sqlc, eventId);
    report('raw SQL', raw);
    console.log(`invariants after lib run: ${libChecks.doubles} double bookings, ${libChecks.creditErrors} credit errors; after raw run: ${rawChecks.doubles}, ${rawChecks.creditErrors}`);
    const ratio = lib.booked / lib.seconds / (raw.booked / raw.seconds);
    const crashes = lib.unexpected.length;
    console.log(
      `booking-storm: ${(lib.booked / lib.seconds).toFixed(0)} bookings/s, ratio ${ratio.toFixed(2)} of raw SQL, ${libChecks.doubles} double bookings, ${libChecks.creditErrors + crashes} credit errors`,
    );
  } finally {
    await sqlc.end();
    await handle.close();
    await dropDatabase(name);
  }
}

await main();
