import { eq } from 'drizzle-orm';
import { events, registrations } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createEvent } from '@/lib/events/create-event';
import { canSeeTopic } from '@/lib/live/access';
import { topics } from '@/lib/live/topics';
import { canReadOutbox, listOutbox, outboxScope } from '@/lib/mail/queries';
import { outboxHints } from '@/lib/mail/send-mail';
import { queueMail } from '@/lib/mail/send-mail';
import { listVisibleEvents } from '@/lib/events/queries';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

// Outside demo mode: the outbox is for organizers only.
process.env.AUTH_DEMO_LOGIN = '0';

let t: TestDatabase;
let demoId: string;
let draftId: string;
const admin = { id: 'demo-organizer', isAdmin: true };
const organizer = { id: 'demo-organizer', isAdmin: false };
const talent = { id: 'demo-talent-02', isAdmin: false };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  const [e] = await t.db.select().from(events).where(eq(events.slug, 'demo-fair'));
  demoId = e!.id;
  draftId = (
    await createEvent(t.db, admin, {
      name: 'Secret draft',
      slug: 'secret-draft',
      timeZone: 'UTC',
      status: 'draft',
      chatInitiation: 'both',
      talentRequestCredits: 1,
      days: [{ date: '2027-01-10', mode: 'virtual', opensAt: '09:00', closesAt: '10:00', chatDurations: [15] }],
    })
  ).id;
  await queueMail(t.db, { to: 'a@x.test', subject: 'In demo fair', text: 'hi', kind: 'test', eventId: demoId });
  await queueMail(t.db, { to: 'b@x.test', subject: 'In draft', text: 'hi', kind: 'test', eventId: draftId });
}, 60_000);
afterAll(() => t.drop());

test('a person follows only their own user topic', async () => {
  expect(await canSeeTopic(t.db, talent, topics.user(talent.id))).toBe(true);
  expect(await canSeeTopic(t.db, talent, topics.user('demo-talent-03'))).toBe(false);
});

test('public events are followed by anyone signed in; drafts and admin topics by organizers only', async () => {
  expect(await canSeeTopic(t.db, talent, topics.event(demoId))).toBe(true);
  expect(await canSeeTopic(t.db, talent, topics.event(draftId))).toBe(false);
  expect(await canSeeTopic(t.db, talent, topics.eventAdmin(demoId))).toBe(false);
  expect(await canSeeTopic(t.db, organizer, topics.eventAdmin(demoId))).toBe(true);
  expect(await canSeeTopic(t.db, talent, topics.event('00000000-0000-0000-0000-000000000000'))).toBe(false);
});

test('drafts are listed only for their organizers', async () => {
  const forTalent = await listVisibleEvents(t.db, talent);
  expect(forTalent.map((e) => e.slug)).toEqual(['demo-fair']);
  const forOrganizer = await listVisibleEvents(t.db, organizer);
  expect(forOrganizer.map((e) => e.slug).sort()).toEqual(['demo-fair', 'secret-draft']);
  expect((await listVisibleEvents(t.db, null)).map((e) => e.slug)).toEqual(['demo-fair']);
});

test('the outbox: talents see nothing, organizers the mails of their events, admins all', async () => {
  expect(canReadOutbox(await outboxScope(t.db, talent))).toBe(false);
  expect(await listOutbox(t.db, talent)).toBeNull();
  expect(await canSeeTopic(t.db, talent, topics.outbox)).toBe(false);
  // demo-organizer organizes both events (the draft through createEvent).
  const organizerMails = await listOutbox(t.db, organizer);
  expect(organizerMails!.map((m) => m.subject).sort()).toEqual(['In demo fair', 'In draft']);
  await t.db.insert(registrations).values({ eventId: draftId, userId: 'demo-moderator', role: 'organizer' });
  const draftOnly = await listOutbox(t.db, { id: 'demo-moderator', isAdmin: false });
  expect(draftOnly!.map((m) => m.subject)).toEqual(['In draft']);
  const adminMails = await listOutbox(t.db, admin);
  expect(adminMails!.length).toBeGreaterThanOrEqual(2);
});

test('outbox topics are scoped like the list: an organizer follows only the mails of their own events', async () => {
  const draftOrganizer = { id: 'demo-recruiter-1-2', isAdmin: false };
  await t.db.insert(registrations).values({ eventId: draftId, userId: draftOrganizer.id, role: 'organizer' });
  // The topic of every mail (ids and timing of other people's sign-in links) is for admins only.
  expect(await canSeeTopic(t.db, draftOrganizer, topics.outbox)).toBe(false);
  expect(await canSeeTopic(t.db, draftOrganizer, topics.outboxOfEvent(draftId))).toBe(true);
  expect(await canSeeTopic(t.db, draftOrganizer, topics.outboxOfEvent(demoId))).toBe(false);
  expect(await canSeeTopic(t.db, draftOrganizer, topics.outboxReserved)).toBe(false);
  expect(await canSeeTopic(t.db, admin, topics.outbox)).toBe(true);
  // A sign-in link (no event) is announced on the admins' topic only; an event's mail also on its own.
  expect(outboxHints([{ to: 'someone@real.example.org' }]).map((h) => h.topic)).toEqual([topics.outbox, topics.outboxReserved]);
  expect(outboxHints([{ to: 'someone@company.com' }]).map((h) => h.topic)).toEqual([topics.outbox]);
  expect(outboxHints([{ to: 'someone@company.com', eventId: draftId }]).map((h) => h.topic)).toEqual([topics.outbox, topics.outboxOfEvent(draftId)]);
});
