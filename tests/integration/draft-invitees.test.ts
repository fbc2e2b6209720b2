// Invited people of a draft event see it and prepare before it is published (issue 10, item 2).
import { eq } from 'drizzle-orm';
import { companyMembers, eventCompanies, events, registrations } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { setAvailability } from '@/lib/chats/set-availability';
import { createEvent } from '@/lib/events/create-event';
import { canViewEvent, eventBySlugWithStanding, type TActor } from '@/lib/events/permissions';
import { listVisibleEvents } from '@/lib/events/queries';
import { listEventDays } from '@/lib/events/queries';
import { canSeeTopic } from '@/lib/live/access';
import { topics } from '@/lib/live/topics';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let draft: typeof events.$inferSelect;
const recruiter = { id: 'demo-recruiter-1-2', isAdmin: false };
const talent = { id: 'demo-talent-02', isAdmin: false };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  const { id } = await createEvent(t.db, { id: 'demo-organizer', isAdmin: true }, {
    name: 'Spring draft',
    slug: 'spring-draft',
    timeZone: 'UTC',
    status: 'draft',
    chatInitiation: 'both',
    talentRequestCredits: 3,
    days: [{ date: '2031-04-10', mode: 'virtual', opensAt: '09:00', closesAt: '10:00', chatDurations: [30] }],
  });
  draft = (await t.db.select().from(events).where(eq(events.id, id)))[0]!;
  // What inviting a recruiter of a company records: the company in the event, the person registered.
  const [member] = await t.db.select().from(companyMembers).where(eq(companyMembers.userId, recruiter.id));
  await t.db.insert(eventCompanies).values({ eventId: id, companyId: member!.companyId });
  await t.db.insert(registrations).values({ eventId: id, userId: recruiter.id, role: 'recruiter' });
}, 60_000);
afterAll(() => t.drop());

test('an invited recruiter sees and lists the draft; talents and the public do not', async () => {
  expect(await canViewEvent(t.db, recruiter, draft)).toBe(true);
  expect(await canSeeTopic(t.db, recruiter, topics.event(draft.id))).toBe(true);
  expect((await listVisibleEvents(t.db, recruiter)).map((e) => e.slug)).toContain('spring-draft');
  expect(await canViewEvent(t.db, talent, draft)).toBe(false);
  expect(await canViewEvent(t.db, null, draft)).toBe(false);
  expect((await listVisibleEvents(t.db, talent)).map((e) => e.slug)).not.toContain('spring-draft');
});

test("a page's one read of the viewer's standing agrees with canViewEvent and canManageEvent", async () => {
  const standing = async (actor: TActor | null) => {
    const found = await eventBySlugWithStanding(t.db, draft.slug, actor);
    expect(found?.event.id).toBe(draft.id);
    return { canView: found!.canView, roles: found!.roles, canManage: found!.canManage };
  };
  expect(await standing(recruiter)).toEqual({ canView: true, roles: ['recruiter'], canManage: false });
  expect(await standing(talent)).toEqual({ canView: false, roles: [], canManage: false });
  expect(await standing(null)).toEqual({ canView: false, roles: [], canManage: false });
  // The admin who created it sees and manages it; a platform admin manages without a registration.
  expect(await standing({ id: 'demo-organizer', isAdmin: true })).toMatchObject({ canView: true, canManage: true });
  expect(await standing({ id: 'demo-talent-03', isAdmin: true })).toEqual({ canView: true, roles: [], canManage: true });
  for (const actor of [recruiter, talent, null]) {
    const { canView } = await standing(actor);
    expect(canView).toBe(await canViewEvent(t.db, actor, draft));
  }
  // Once published, everyone sees it; the talent still has no role in it.
  await t.db.update(events).set({ status: 'published' }).where(eq(events.id, draft.id));
  try {
    expect(await standing(talent)).toEqual({ canView: true, roles: [], canManage: false });
    expect(await standing(null)).toEqual({ canView: true, roles: [], canManage: false });
  } finally {
    await t.db.update(events).set({ status: 'draft' }).where(eq(events.id, draft.id));
  }
  expect(await eventBySlugWithStanding(t.db, 'no-such-event', talent)).toBeUndefined();
});

test('the invited recruiter sets availability before the event is published', async () => {
  const [day] = await listEventDays(t.db, draft.id);
  const result = await setAvailability(t.db, recruiter, { eventDayId: day!.id, durationMinutes: 30, startTimes: ['2031-04-10T09:00:00.000Z'] });
  expect(result).toEqual({ slots: 1, clashes: [] });
});
