// npm run bench:booking — K talents race for the slots of R recruiters through lib/chats/bookDirect
// (what the server action calls), then the same bookings as bare SQL transactions, on PostgreSQL.
//
//   npm run bench:booking -- --talents 200 --recruiters 12
//   env: DATABASE_URL (admin URL of a local PostgreSQL; default the local `test` database)
//
// Afterwards it checks the invariants in the database: no slot with two live chats, no talent
// with overlapping chats, and every credit account equal to its ledger and its bookings.
import path from 'node:path';
import postgres from 'postgres';
import { openPostgres } from '@/db/client';
import { bookDirect } from '@/lib/chats/book-direct';
import { AppError } from '@/lib/errors';
import { bookingStorm, checkBookingInvariants, createChatFair, resetBookings, stormLine } from './lib/chat-fair';
import { freshDatabase } from './lib/database';
import { intOption } from './lib/options';
import { createPeople } from './lib/people';
import { percentile } from './lib/stats';

const POOL = 20;
const CREDITS = 20;
// About the size of a real chat .ics, so the raw run stores as many bytes as the use-case.
const ICS_SIZED = 'BEGIN:VCALENDAR\r\n'.padEnd(1100, 'X');

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

async function main() {
  const talentsWanted = intOption('talents', 200);
  const recruitersWanted = intOption('recruiters', 12);
  const database = await freshDatabase('fg_bench_booking');
  const handle = openPostgres(database.url, path.resolve('db/migrations'), POOL);
  const sqlc = postgres(database.url, { max: POOL, onnotice: () => {} });
  try {
    await handle.migrate();
    // A three-day event two days ahead, 08:00–20:00 in 15-minute slots, and K fresh talents.
    const talents = Array.from({ length: talentsWanted }, (_, i) => `storm-talent-${i}`);
    await createPeople(handle.db, talents);
    const fair = await createChatFair(handle.db, { slug: 'booking-storm', recruiters: recruitersWanted, talents, credits: CREDITS, days: 3, daysAhead: 2, opensAt: '08:00', closesAt: '20:00', durationMinutes: 15 });
    const { eventId, slots: slotList } = fair;
    console.log(`booking-storm: ${talents.length} talents × ${recruitersWanted} recruiters, ${slotList.length} slots, ${CREDITS} credits each, pool ${POOL}`);

    const libBook = (talent: string, slotId: string) => bookDirect(handle.db, { id: talent, isAdmin: false }, { slotId }).then(() => undefined);
    const rawBook = rawBooker(sqlc, eventId);
    // Warm both paths (connections, JIT, plans) on a few talents, then start from a clean slate.
    await bookingStorm(talents.slice(0, 10), slotList, libBook);
    await resetBookings(sqlc, eventId);
    await bookingStorm(talents.slice(0, 10), slotList, rawBook);
    await resetBookings(sqlc, eventId);
    // Same workload twice: the app's use-case, then bare SQL.
    const lib = await bookingStorm(talents, slotList, libBook);
    const libChecks = await checkBookingInvariants(sqlc, eventId);
    console.log(stormLine('lib/chats', lib, percentile));
    await resetBookings(sqlc, eventId);
    const raw = await bookingStorm(talents, slotList, rawBook);
    const rawChecks = await checkBookingInvariants(sqlc, eventId);
    console.log(stormLine('raw SQL', raw, percentile));
    console.log(`invariants after lib run: ${libChecks.doubles} double bookings, ${libChecks.creditErrors} credit errors; after raw run: ${rawChecks.doubles}, ${rawChecks.creditErrors}`);
    const ratio = lib.booked / lib.seconds / (raw.booked / raw.seconds);
    const crashes = lib.unexpected.length;
    console.log(
      `booking-storm: ${(lib.booked / lib.seconds).toFixed(0)} bookings/s, ratio ${ratio.toFixed(2)} of raw SQL, ${libChecks.doubles} double bookings, ${libChecks.creditErrors + crashes} credit errors`,
    );
  } finally {
    await sqlc.end();
    await handle.close();
    await database.drop();
  }
}

await main();
