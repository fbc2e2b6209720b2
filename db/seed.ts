import 'server-only';
import { TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import {
  availability,
  companies,
  companyFaqs,
  companyJobs,
  companyMembers,
  deskModerators,
  desks,
  eventCompanies,
  eventDays,
  eventSessions,
  events,
  profiles,
  recruiterChatSettings,
  registrations,
  sessionHosts,
  slots,
  users,
} from './schema';
import { DEMO_COMPANIES, DEMO_EVENT, DEMO_OPEN_RECRUITERS, demoTalents } from './seed-data';

const SEED_LOCK = 7_262_000_002;

/**
 * Seeds the demo fair once. Returns false when it was already there. Safe to run concurrently.
 * Its two days are today and tomorrow in the event's zone, or `firstDay` and the day after: a
 * browser-test run fixes them when it starts, so walks after local midnight see the same days
 * as the seed did before it.
 */
export async function seedDemo(db: Db, now: Date = new Date(), opts: { firstDay?: string } = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two instances starting together must not both seed: the second waits, then sees the event.
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    const [existing] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, DEMO_EVENT.slug));
    if (existing) return false;

    const today = opts.firstDay ?? format(now, 'yyyy-MM-dd', { in: tz(DEMO_EVENT.timeZone) });
    const tomorrow = nextDate(today);

    const people = [
      { id: 'demo-organizer', name: 'Olivia Okafor', email: 'organizer@demo.fairground.test', isAdmin: true, headline: 'Event organizer, Fairground Demo' },
      { id: 'demo-moderator', name: 'Max Moreau', email: 'moderator@demo.fairground.test', isAdmin: false, headline: 'Career advisor and desk moderator' },
    ];
    await tx.insert(users).values(people.map(({ headline: _h, ...u }) => ({ ...u, isDemo: true, emailVerified: now })));
    await tx.insert(profiles).values(people.map((p) => ({ userId: p.id, headline: p.headline, languages: ['English', 'German'] })));

    const [event] = await tx
      .insert(events)
      .values({ ...DEMO_EVENT, status: 'live', chatInitiation: 'both', talentRequestCredits: 5, recruiterRequestCredits: 20, createdBy: 'demo-organizer' })
      .returning({ id: events.id });
    const eventId = event!.id;
    const days = await tx.insert(eventDays).values([
      // The demo's first day is open all day, so every feature can be tried whenever the demo starts.
      { eventId, date: today, mode: 'virtual', opensAt: '00:00', closesAt: '23:45', chatDurations: [10, 15, 30] },
      { eventId, date: tomorrow, mode: 'in_person', opensAt: '09:00', closesAt: '17:00', chatDurations: [15, 30] },
    ]).returning({ id: eventDays.id, date: eventDays.date });
    await tx.insert(registrations).values([
      { eventId, userId: 'demo-organizer', role: 'organizer' },
      { eventId, userId: 'demo-moderator', role: 'moderator' },
    ]);

    for (const [ci, c] of DEMO_COMPANIES.entries()) {
      const { faqs, jobs, recruiters, ...info } = c;
      const [company] = await tx
        .insert(companies)
        .values({ ...info, websiteUrl: `https://${c.slug}.example` })
        .returning({ id: companies.id });
      const companyId = company!.id;
      await tx.insert(eventCompanies).values({ eventId, companyId });
      await tx.insert(companyFaqs).values(faqs.map(([question, answer], position) => ({ companyId, question, answer, position })));
      await tx.insert(companyJobs).values(
        jobs.map(([title, location, employmentType]) => ({
          companyId,
          title,
          location,
          employmentType,
          description: `Join ${c.name} as ${title}. You will work in a small team with real ownership.`,
        })),
      );
      for (const [ri, [name, headline]] of recruiters.entries()) {
        const id = `demo-recruiter-${ci + 1}-${ri + 1}`;
        const email = `${name.split(' ')[0]!.toLowerCase()}@${c.slug}.demo.fairground.test`;
        await tx.insert(users).values({ id, name, email, isDemo: true, emailVerified: now });
        await tx.insert(profiles).values({ userId: id, headline, languages: ['English'] });
        await tx.insert(companyMembers).values({ companyId, userId: id, role: ri === 0 ? 'admin' : 'recruiter' });
        await tx.insert(registrations).values({ eventId, userId: id, role: 'recruiter' });
      }
    }

    const talents = demoTalents();
    await tx.insert(users).values(talents.map((t) => ({ id: t.id, name: t.name, email: t.email, isDemo: true, emailVerified: now })));
    await tx.insert(profiles).values(
      talents.map((t) => ({ userId: t.id, headline: t.headline, bio: t.bio, languages: t.languages, experienceLevel: t.experienceLevel })),
    );
    // The first talent is left unregistered so the demo can show registering.
    await tx.insert(registrations).values(talents.slice(1).map((t) => ({ eventId, userId: t.id, role: 'talent' as const })));
    await seedSessions(tx, eventId, now, tomorrow);
    await seedOpenRecruiters(tx, eventId, now, days.find((d) => d.date === today)!.id, days.find((d) => d.date === tomorrow)!.id, today, tomorrow);

    // A chat desk open from today until tomorrow night, so its queue can be tried whenever the demo starts.
    const [desk] = await tx
      .insert(desks)
      .values({
        eventId,
        name: 'Career advice',
        description: 'Questions about applications, CVs and interviews — our career advisors answer one by one.',
        welcomeMessage: 'Welcome to the career advice desk! Tell us what you would like to talk about; an advisor will be with you shortly.',
        opensAt: wallTime(today, '00:00'),
        closesAt: wallTime(tomorrow, '23:45'),
        limitPerModerator: 2,
        retentionDays: 30,
        filesAllowed: true,
        createdBy: 'demo-organizer',
      })
      .returning({ id: desks.id });
    await tx.insert(deskModerators).values([
      { deskId: desk!.id, userId: 'demo-moderator' },
      { deskId: desk!.id, userId: 'demo-organizer' },
    ]);
    return true;
  });
}

/**
 * A wall-clock time of a day in the demo event's zone. (`new TZDate('2026-12-01T00:00:00', zone)`
 * reads the string in the machine's zone, not the event's: the desk opened at 01:00 Berlin on a
 * UTC server.)
 */
function wallTime(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, Number(time.slice(0, 2)), Number(time.slice(3, 5)), DEMO_EVENT.timeZone).getTime());
}

/** The calendar day after an ISO date (calendar arithmetic: no zone, no DST). */
function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * A few recruiters open for 1-1 chats from the start: today's free slots from now until the day
 * closes (video), and a morning or afternoon tomorrow (in person), on the same grid a recruiter
 * picks from (steps of the chat length from the day's opening, as lib/chats/slot-grid.ts).
 */
async function seedOpenRecruiters(tx: Tx, eventId: string, now: Date, todayId: string, tomorrowId: string, today: string, tomorrow: string) {
  const grid = (date: string, from: string, to: string, minutes: number, opens = from) => {
    const step = minutes * 60_000;
    const [start, end] = [wallTime(date, from).getTime(), wallTime(date, to).getTime()];
    const out: { startsAt: Date; endsAt: Date }[] = [];
    for (let t = wallTime(date, opens).getTime(); t + step <= end; t += step) {
      if (t >= start && t > now.getTime()) out.push({ startsAt: new Date(t), endsAt: new Date(t + step) });
    }
    return out;
  };
  for (const r of DEMO_OPEN_RECRUITERS) {
    const days = [
      { eventDayId: todayId, mode: 'virtual' as const, minutes: r.today.minutes, times: grid(today, '00:00', '23:45', r.today.minutes) },
      { eventDayId: tomorrowId, mode: 'in_person' as const, minutes: r.tomorrow.minutes, times: grid(tomorrow, r.tomorrow.from, r.tomorrow.to, r.tomorrow.minutes, '09:00') },
    ];
    for (const d of days) {
      await tx.insert(availability).values({ eventDayId: d.eventDayId, recruiterId: r.id, durationMinutes: d.minutes, mode: d.mode });
      if (d.times.length) await tx.insert(slots).values(d.times.map((t) => ({ ...t, eventId, eventDayId: d.eventDayId, recruiterId: r.id })));
    }
    await tx.insert(recruiterChatSettings).values({ eventId, recruiterId: r.id, bookingMode: r.bookingMode, topics: r.topics, languages: ['English'], confirmedAt: now });
  }
}

/**
 * The demo programme: a welcome session and small-group "career circles" (where hosts try
 * breakout rooms) running whenever the demo starts (so the rooms can be tried at once), and
 * tomorrow a company presentation with limited seats, a workshop open to all and a small
 * coffee chat.
 */
async function seedSessions(tx: Tx, eventId: string, now: Date, tomorrow: string) {
  const [northwind, bluefin] = await tx.select({ id: companies.id, slug: companies.slug }).from(companies).where(sql`${companies.slug} in ('northwind-analytics', 'bluefin-robotics')`).orderBy(sql`${companies.slug} = 'bluefin-robotics'`);
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const at = (time: string) => wallTime(tomorrow, time);
  const rows = [
    { kind: 'presentation' as const, title: 'Welcome: how this fair works', description: 'A short tour of the fair: 1-1 chats, sessions and the help desk. Ask anything in the Q&A.', companyId: null, startsAt: hour, endsAt: new Date(hour.getTime() + 2 * 3_600_000), capacity: null, signUpRequired: false, hosts: ['demo-organizer', 'demo-moderator'] },
    // Running now too, with hosts who can open breakout rooms: small groups, a timer, "call the host".
    { kind: 'workshop' as const, title: 'Career circles: talk in small groups', description: 'We split into small breakout rooms of a few people each to swap job-search stories, then come back together. In your room: camera, microphone and a chat of its own; "Call the host" brings a host in.', companyId: null, startsAt: hour, endsAt: new Date(hour.getTime() + 2 * 3_600_000), capacity: null, signUpRequired: false, breakoutRoomLimit: 6, hosts: ['demo-moderator', 'demo-organizer'] },
    { kind: 'presentation' as const, title: 'Life at Northwind: data careers', description: 'Our teams, our stack, and how we hire data engineers and analysts.', companyId: northwind!.id, startsAt: at('10:00'), endsAt: at('11:00'), capacity: 30, signUpRequired: true, hosts: ['demo-recruiter-1-1', 'demo-recruiter-1-2'] },
    { kind: 'workshop' as const, title: 'CV clinic', description: 'Bring your CV: what recruiters read first, and what they skip.', companyId: null, startsAt: at('13:00'), endsAt: at('14:30'), capacity: null, signUpRequired: false, hosts: ['demo-moderator'] },
    { kind: 'coffee_chat' as const, title: 'Coffee with Bluefin engineers', description: 'Six seats, no slides: ask the people who build the robots.', companyId: bluefin!.id, startsAt: at('15:00'), endsAt: at('15:30'), capacity: 6, signUpRequired: true, hosts: ['demo-recruiter-2-1'] },
  ];
  for (const { hosts, ...row } of rows) {
    const [session] = await tx.insert(eventSessions).values({ ...row, eventId, stageLimit: 4, createdBy: 'demo-organizer' }).returning({ id: eventSessions.id });
    await tx.insert(sessionHosts).values(hosts.map((userId) => ({ sessionId: session!.id, userId })));
  }
}
