// Issue 9, items 1, 4–9 and 15: regression tests on the real database (PostgreSQL with
// TEST_DATABASE_URL, PGlite otherwise).
import { and, eq, sql } from 'drizzle-orm';
import { chatRequests, companyMembers, creditAccounts, creditLedger, eventCompanies, eventDays, events, outbox, registrations, slots, users } from '@/db/schema';
import { bookDirect } from '@/lib/chats/book-direct';
import { creditBalance } from '@/lib/chats/credits';
import { recruiterRequest } from '@/lib/chats/recruiter-request';
import { requestChat } from '@/lib/chats/request-chat';
import { acceptRequest } from '@/lib/chats/respond-to-request';
import { cancelChat, rescheduleChat } from '@/lib/chats/schedule-chat';
import { setAvailability } from '@/lib/chats/set-availability';
import { pgError } from '@/lib/errors';
import { inviteCompany } from '@/lib/events/invite-company';
import { actor, codeOf, demoFair, openRecruiter } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

const ORIGIN = 'https://fair.example.org';
// Read when the first mail is built: every link must come from it, never localhost.
process.env.AUTH_URL = ORIGIN;

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
const slotAt = async (recruiterId: string, i: number) => {
  const [s] = await t.db.select().from(slots).where(and(eq(slots.recruiterId, recruiterId), eq(slots.startsAt, fair.grid[i]!.startsAt)));
  return s!;
};
const mailsOf = (chatId: string, kind: string) =>
  t.db.select().from(outbox).where(and(eq(outbox.kind, kind), sql`${outbox.attachments}::text like ${`%chat-${chatId}@fairground%`}`));

const emailOf = async (id: string) => (await t.db.select({ email: users.email }).from(users).where(eq(users.id, id)))[0]!.email!;

/** The PostgreSQL constraint a statement ran into, or 'ok'. */
async function constraintOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    const pg = pgError(e);
    if (!pg) throw e;
    return pg.constraint_name ?? pg.constraint ?? pg.code ?? 'unknown';
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
  await openRecruiter(t.db, fair, 'demo-recruiter-1-1', 'direct', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  await openRecruiter(t.db, fair, 'demo-recruiter-2-1', 'selective', [0, 1, 2, 3]);
}, 60_000);
afterAll(() => t.drop());

test('item 1: an emoji in the event name never breaks a booking, a reschedule or a cancellation', async () => {
  await t.db.update(events).set({ name: 'Fairground Demo Career Fair 🎓' }).where(eq(events.id, fair.event.id));
  try {
    // Nine talents with names of different lengths move the emoji across every fold position.
    for (let i = 0; i < 9; i++) {
      const talent = `demo-talent-${String(20 + i).padStart(2, '0')}`;
      const { chatId } = await bookDirect(t.db, actor(talent), { slotId: (await slotAt('demo-recruiter-1-1', i)).id });
      if (i === 0) {
        await rescheduleChat(t.db, actor(talent), { chatId, slotId: (await slotAt('demo-recruiter-1-1', 10)).id });
        await cancelChat(t.db, actor(talent), { chatId, reason: 'Clash 🎓' });
      }
    }
    const mails = await t.db.select({ ics: sql<string>`${outbox.attachments}->0->>'content'` }).from(outbox).where(sql`${outbox.subject} like '%🎓%'`);
    expect(mails.length).toBeGreaterThanOrEqual(18);
    for (const m of mails.filter((x) => x.ics)) expect(m.ics.replace(/\r\n /g, '')).toContain('(Fairground Demo Career Fair 🎓)');
  } finally {
    await t.db.update(events).set({ name: fair.event.name }).where(eq(events.id, fair.event.id));
  }
});

test('item 2: a chat in the repeated autumn hour says which 02:30 in its mail and goes to calendars in UTC', async () => {
  const [night] = await t.db
    .insert(eventDays)
    .values({ eventId: fair.event.id, date: '2027-10-31', opensAt: '00:00', closesAt: '06:00', chatDurations: [30] })
    .returning();
  // The second 02:30 of the night: 01:30 UTC, in CET.
  await setAvailability(t.db, actor('demo-recruiter-1-1'), { eventDayId: night!.id, durationMinutes: 30, startTimes: ['2027-10-31T01:30:00.000Z'] });
  const [slot] = await t.db.select().from(slots).where(and(eq(slots.eventDayId, night!.id), eq(slots.recruiterId, 'demo-recruiter-1-1')));
  const { chatId } = await bookDirect(t.db, actor('demo-talent-29'), { slotId: slot!.id });
  const mails = await mailsOf(chatId, 'chat.confirmed');
  expect(mails).toHaveLength(2);
  for (const m of mails) {
    expect(m.text).toContain('Sun 31 Oct, 02:30 CET (Europe/Berlin)');
    expect(m.attachments[0]!.content).toContain('DTSTART:20271031T013000Z');
  }
});

test('item 4: whoever cancels gets the METHOD:CANCEL too, and both get the rescheduled REQUEST', async () => {
  const talent = 'demo-talent-30';
  const { chatId } = await requestChat(t.db, actor(talent), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: 'I would like to hear about your open roles.' });
  await acceptRequest(t.db, actor('demo-recruiter-2-1'), { chatId });
  const { pickSlot } = await import('@/lib/chats/schedule-chat');
  await pickSlot(t.db, actor(talent), { chatId, slotId: (await slotAt('demo-recruiter-2-1', 0)).id });
  await rescheduleChat(t.db, actor('demo-recruiter-2-1'), { chatId, slotId: (await slotAt('demo-recruiter-2-1', 1)).id });
  const both = [await emailOf('demo-recruiter-2-1'), await emailOf(talent)].sort();
  const moved = await mailsOf(chatId, 'chat.rescheduled');
  expect(moved.map((m) => m.toEmail).sort()).toEqual(both);
  for (const m of moved) expect(m.attachments[0]!.content).toMatch(/METHOD:REQUEST[\s\S]*SEQUENCE:1/);

  await cancelChat(t.db, actor(talent), { chatId, reason: 'Found a job' });
  const cancelled = await mailsOf(chatId, 'chat.cancelled');
  expect(cancelled.map((m) => m.toEmail).sort()).toEqual(both);
  for (const m of cancelled) {
    expect(m.attachments[0]!.content).toContain('METHOD:CANCEL');
    expect(m.attachments[0]!.content).toContain('SEQUENCE:2');
  }
  expect(cancelled.find((m) => m.toEmail === both.find((e) => e.startsWith('talent')))!.subject).toMatch(/^You cancelled the 1-1 chat/);
});

test('item 5: links in chat mails and their .ics use the public origin', async () => {
  const mails = await t.db.select().from(outbox).where(eq(outbox.kind, 'chat.confirmed'));
  expect(mails.length).toBeGreaterThan(0);
  for (const m of mails) {
    expect(m.text).toContain(`${ORIGIN}/events/demo-fair/chats`);
    expect(m.attachments[0]!.content).toContain(`URL:${ORIGIN}/events/demo-fair/chats`);
    expect(JSON.stringify(m)).not.toContain('localhost');
  }
});

describe('item 6: a recruiter in two events with overlapping hours', () => {
  test('saves the free slots and names each clashing slot and its event', async () => {
    const recruiter = 'demo-recruiter-3-1';
    const [member] = await t.db.select().from(companyMembers).where(eq(companyMembers.userId, recruiter));
    const [other] = await t.db
      .insert(events)
      .values({ slug: 'other-fair', name: 'Other Fair', timeZone: 'Europe/Berlin', status: 'live' })
      .returning();
    const [otherDay] = await t.db
      .insert(eventDays)
      .values({ eventId: other!.id, date: fair.day.date, opensAt: '09:00', closesAt: '17:00', chatDurations: [30, 60] })
      .returning();
    await t.db.insert(eventCompanies).values({ eventId: other!.id, companyId: member!.companyId });
    await t.db.insert(registrations).values({ eventId: other!.id, userId: recruiter, role: 'recruiter' });
    // In the other event: 10:00–11:00 (grid slots 2 and 3 of the demo day, 09:00 + 30 min steps).
    await setAvailability(t.db, actor(recruiter), { eventDayId: otherDay!.id, durationMinutes: 60, startTimes: [fair.grid[2]!.startsAt.toISOString()] });

    const res = await setAvailability(t.db, actor(recruiter), {
      eventDayId: fair.day.id,
      durationMinutes: 30,
      startTimes: [0, 1, 2, 3, 4].map((i) => fair.grid[i]!.startsAt.toISOString()),
    });
    expect(res.slots).toBe(3);
    expect(res.clashes).toEqual([
      { startsAt: fair.grid[2]!.startsAt.toISOString(), label: '10:00', otherEvent: 'Other Fair', otherLabel: '10:00–11:00' },
      { startsAt: fair.grid[3]!.startsAt.toISOString(), label: '10:30', otherEvent: 'Other Fair', otherLabel: '10:00–11:00' },
    ]);
    const mine = await t.db.select().from(slots).where(and(eq(slots.recruiterId, recruiter), eq(slots.eventId, fair.event.id)));
    expect(mine.map((s) => s.startsAt.getTime()).sort()).toEqual([0, 1, 4].map((i) => fair.grid[i]!.startsAt.getTime()));
  });
});

describe('item 7: nobody chats with themselves', () => {
  const self = 'demo-recruiter-1-1';
  beforeAll(async () => {
    await t.db.insert(registrations).values({ eventId: fair.event.id, userId: self, role: 'talent' });
    await t.db.insert(registrations).values({ eventId: fair.event.id, userId: 'demo-recruiter-2-1', role: 'talent' });
  });

  test('lib refuses booking, requesting and inviting oneself', async () => {
    expect(await codeOf(bookDirect(t.db, actor(self), { slotId: (await slotAt(self, 9)).id }))).toBe('not_allowed_now');
    expect(await codeOf(requestChat(t.db, actor('demo-recruiter-2-1'), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: 'I would like to hear about your open roles.' }))).toBe('not_allowed_now');
    expect(await codeOf(recruiterRequest(t.db, actor('demo-recruiter-2-1'), fair.event.id, { talentId: 'demo-recruiter-2-1' }))).toBe('not_allowed_now');
    expect(await t.db.select().from(chatRequests).where(eq(chatRequests.talentId, chatRequests.recruiterId))).toHaveLength(0);
  });

  test('the database refuses it with a CHECK', async () => {
    const [company] = await t.db.select().from(companyMembers).where(eq(companyMembers.userId, self));
    const insert = t.db.insert(chatRequests).values({ eventId: fair.event.id, companyId: company!.companyId, talentId: self, recruiterId: self, initiatedBy: 'talent', sentBy: self, status: 'pending' });
    expect(await constraintOf(insert)).toBe('chat_requests_not_with_self');
  });
});

describe('item 8: the database ties chat times to slots and the ledger to the account', () => {
  let chatId: string;
  beforeAll(async () => {
    ({ chatId } = await bookDirect(t.db, actor('demo-talent-35'), { slotId: (await slotAt('demo-recruiter-1-1', 9)).id }));
  });

  test("a confirmed chat's times cannot drift from its slot", async () => {
    const later = sql`${chatRequests.startsAt} + interval '1 hour'`;
    expect(await constraintOf(t.db.update(chatRequests).set({ startsAt: later, endsAt: sql`${chatRequests.endsAt} + interval '1 hour'` }).where(eq(chatRequests.id, chatId)))).toBe('chat_requests_times_match_slot');
    const [chat] = await t.db.select().from(chatRequests).where(eq(chatRequests.id, chatId));
    expect(await constraintOf(t.db.update(slots).set({ endsAt: sql`${slots.endsAt} - interval '5 minutes'` }).where(eq(slots.id, chat!.slotId!)))).toBe('chat_requests_times_match_slot');
    // A slot with no chat may still change.
    const free = await slotAt('demo-recruiter-1-1', 10);
    expect(await constraintOf(t.db.update(slots).set({ endsAt: sql`${slots.endsAt} - interval '5 minutes'` }).where(eq(slots.id, free.id)))).toBe('ok');
  });

  test('a ledger row cannot carry any other delta than one credit', async () => {
    const row = { eventId: fair.event.id, userId: 'demo-talent-35', kind: 'talent' as const, reason: 'forged', requestId: chatId };
    expect(await constraintOf(t.db.insert(creditLedger).values({ ...row, delta: -5 }))).toBe('credit_ledger_one_credit');
  });

  test('a ledger row without its account change (or the reverse) fails the transaction', async () => {
    const row = { eventId: fair.event.id, userId: 'demo-talent-35', kind: 'talent' as const, reason: 'forged', requestId: chatId, delta: 1 };
    expect(await constraintOf(t.db.insert(creditLedger).values(row))).toBe('credit_ledger_balance');
    const who = and(eq(creditAccounts.eventId, fair.event.id), eq(creditAccounts.userId, 'demo-talent-35'));
    expect(await constraintOf(t.db.update(creditAccounts).set({ spent: 0 }).where(who))).toBe('credit_ledger_balance');
    expect(await creditBalance(t.db, fair.event.id, 'demo-talent-35', 'talent')).toEqual({ left: 4, limit: 5 });
  });
});

describe('item 9: a recruiter who cancels gives the talent their credit back', () => {
  test('cancelling an accepted request refunds the talent', async () => {
    const talent = 'demo-talent-36';
    const { chatId } = await requestChat(t.db, actor(talent), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: 'I would like to hear about your open roles.' });
    await acceptRequest(t.db, actor('demo-recruiter-2-1'), { chatId });
    expect((await creditBalance(t.db, fair.event.id, talent, 'talent')).left).toBe(4);
    await cancelChat(t.db, actor('demo-recruiter-2-1'), { chatId, reason: 'Travel' });
    expect((await creditBalance(t.db, fair.event.id, talent, 'talent')).left).toBe(5);
    const [mail] = await t.db.select().from(outbox).where(and(eq(outbox.kind, 'chat.cancelled'), eq(outbox.toEmail, await emailOf(talent))));
    expect(mail!.text).toContain('Your 1-1 chat request has been given back.');
  });

  test('a talent who cancels keeps the request spent', async () => {
    const talent = 'demo-talent-37';
    const { chatId } = await requestChat(t.db, actor(talent), fair.event.id, { recruiterId: 'demo-recruiter-2-1', message: 'I would like to hear about your open roles.' });
    await acceptRequest(t.db, actor('demo-recruiter-2-1'), { chatId });
    await cancelChat(t.db, actor(talent), { chatId, reason: 'Changed my mind' });
    expect((await creditBalance(t.db, fair.event.id, talent, 'talent')).left).toBe(4);
  });
});

test('item 15: the invitation mail escapes the company name (and links to the public origin)', async () => {
  const organizer = { id: 'demo-organizer', isAdmin: false };
  await inviteCompany(t.db, organizer, fair.event.id, { kind: 'new', companyName: '<img src=x onerror=alert(1)> & "Co"', adminEmail: 'eve@evil.test', adminName: 'Eve' });
  const [mail] = await t.db.select().from(outbox).where(eq(outbox.toEmail, 'eve@evil.test'));
  expect(mail!.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;');
  expect(mail!.html).not.toContain('<img');
  expect(mail!.html).toContain(`href="${ORIGIN}/signin?email=eve%40evil.test&amp;callbackUrl=%2Fevents%2Fdemo-fair"`);
});
