// A 1-1 chat fair for the booking benchmarks: an event, its recruiters (Direct Booking, every
// slot of their days open) and its talents; the talents' booking storm; and the checks after it.
import { performance } from 'node:perf_hooks';
import { tz } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import { eq } from 'drizzle-orm';
import type postgres from 'postgres';
import type { Db } from '@/db/client';
import { companies, companyMembers, eventCompanies, eventDays, events, slots } from '@/db/schema';
import { confirmAvailability, updateChatSettings } from '@/lib/chats/chat-settings';
import { setAvailability } from '@/lib/chats/set-availability';
import { slotGrid } from '@/lib/chats/slot-grid';
import { AppError } from '@/lib/errors';
import { createPeople, registerPeople } from './people';

export type TSlot = { id: string; recruiterId: string; startsAt: Date };

export type TFairOptions = {
  slug: string;
  recruiters: number;
  /** Talent user ids (made with createPeople) to register for the event. */
  talents: string[];
  credits: number;
  days: number;
  /** How many days from today the first day is (people book ahead). */
  daysAhead: number;
  opensAt: string;
  closesAt: string;
  durationMinutes: number;
};

export type TFair = { eventId: string; slug: string; recruiters: string[]; slots: TSlot[] };

const ZONE = 'Europe/Berlin';
const RECRUITERS_PER_COMPANY = 4;

/**
 * A live event whose recruiters all book directly, each with every slot of the event's days
 * open (set through lib/chats, as a recruiter would), and the talents registered with
 * `credits` requests each.
 */
export async function createChatFair(db: Db, o: TFairOptions): Promise<TFair> {
  const start = addDays(new Date(), o.daysAhead);
  const [event] = await db.insert(events).values({ slug: o.slug, name: `Bench ${o.slug}`, timeZone: ZONE, status: 'live', talentRequestCredits: o.credits }).returning();
  const eventId = event!.id;
  const dates = Array.from({ length: o.days }, (_, d) => format(addDays(start, d, { in: tz(ZONE) }), 'yyyy-MM-dd', { in: tz(ZONE) }));
  const days = await db
    .insert(eventDays)
    .values(dates.map((date) => ({ eventId, date, mode: 'virtual' as const, opensAt: o.opensAt, closesAt: o.closesAt, chatDurations: [o.durationMinutes] })))
    .returning();

  const recruiters = Array.from({ length: o.recruiters }, (_, i) => `${o.slug}-recruiter-${String(i).padStart(3, '0')}`);
  await createPeople(db, recruiters);
  const companyCount = Math.ceil(o.recruiters / RECRUITERS_PER_COMPANY);
  const made = await db
    .insert(companies)
    .values(Array.from({ length: companyCount }, (_, i) => ({ slug: `${o.slug}-company-${i}`, name: `${o.slug} company ${i}` })))
    .returning({ id: companies.id });
  await db.insert(companyMembers).values(recruiters.map((userId, i) => ({ companyId: made[Math.floor(i / RECRUITERS_PER_COMPANY)]!.id, userId, role: 'recruiter' as const })));
  await db.insert(eventCompanies).values(made.map((c) => ({ eventId, companyId: c.id })));
  await registerPeople(db, eventId, recruiters, 'recruiter');
  await registerPeople(db, eventId, o.talents, 'talent');
  for (const r of recruiters) {
    const actor = { id: r, isAdmin: false };
    for (const day of days) {
      const grid = slotGrid(day, o.durationMinutes, ZONE);
      await setAvailability(db, actor, { eventDayId: day.id, durationMinutes: o.durationMinutes, startTimes: grid.map((s) => s.startsAt.toISOString()) });
    }
    await updateChatSettings(db, actor, eventId, { bookingMode: 'direct' });
    await confirmAvailability(db, actor, eventId);
  }
  const all = await db.select({ id: slots.id, recruiterId: slots.recruiterId, startsAt: slots.startsAt }).from(slots).where(eq(slots.eventId, eventId));
  return { eventId, slug: o.slug, recruiters, slots: all };
}

export type TStormOutcome = { booked: number; attempts: number; latencies: number[]; seconds: number; unexpected: string[]; timedOut: boolean };

/** Books `slotId` for `talent`, or throws an AppError with the refusal's code. */
export type TBook = (talent: string, slotId: string) => Promise<void>;

/**
 * Each talent behaves like a person on the live list: picks a random slot still shown as free,
 * with a recruiter it has not booked yet and at a time it is free, until its credits run out
 * (or `deadline`, performance.now(), passes). Many talents pick the same slot at the same
 * moment; the losers hear slot_taken and pick again.
 */
export async function bookingStorm(talents: string[], all: TSlot[], book: TBook, deadline = Infinity): Promise<TStormOutcome> {
  const latencies: number[] = [];
  const unexpected: string[] = [];
  const free = new Map(all.map((s) => [s.id, s]));
  let booked = 0;
  let timedOut = false;
  const t0 = performance.now();
  await Promise.all(
    talents.map(async (talent, i) => {
      const mine = new Set<string>();
      const busy = new Set<number>();
      let seed = i + 1;
      for (;;) {
        if (performance.now() >= deadline) return void (timedOut = true);
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
  return { booked, attempts: latencies.length, latencies, seconds: (performance.now() - t0) / 1000, unexpected, timedOut };
}

/** Double-booked slots or talents, and credit accounts that disagree with their ledger or bookings. */
export async function checkBookingInvariants(sqlc: postgres.Sql, eventId: string): Promise<{ doubles: number; creditErrors: number }> {
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

/** Removes every booking of the event (and what they wrote), so the next storm starts from a clean slate. */
export async function resetBookings(sqlc: postgres.Sql, eventId: string): Promise<void> {
  // Together: the database checks at commit that every account matches its ledger.
  await sqlc.begin(async (tx) => {
    await tx`delete from credit_ledger where event_id = ${eventId}`;
    await tx`delete from credit_accounts where event_id = ${eventId}`;
  });
  await sqlc`delete from notifications where event_id = ${eventId}`;
  await sqlc`delete from outbox where event_id = ${eventId}`;
  await sqlc`delete from chat_requests where event_id = ${eventId}`;
}

/** A storm's line: bookings, rate, attempts and their latency. */
export function stormLine(name: string, o: TStormOutcome, pct: (xs: number[], p: number) => number): string {
  return (
    `${name.padEnd(14)} ${o.booked} bookings in ${o.seconds.toFixed(2)} s = ${(o.booked / o.seconds).toFixed(0)} bookings/s; ` +
    `${o.attempts} attempts, latency p50 ${pct(o.latencies, 50).toFixed(1)} ms, p99 ${pct(o.latencies, 99).toFixed(1)} ms${o.timedOut ? ' (stopped at the time limit)' : ''}` +
    (o.unexpected.length ? `\n  unexpected errors: ${o.unexpected.length}, first: ${o.unexpected[0]}` : '')
  );
}
