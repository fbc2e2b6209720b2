// Who may change who recruits for a company (issue 9, item 10), on the database the app uses.
import { and, eq } from 'drizzle-orm';
import { companyMembers, events, registrations, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { recruiterMembership } from '@/lib/chats/permissions';
import { AppError } from '@/lib/errors';
import { createEvent } from '@/lib/events/create-event';
import { inviteCompany } from '@/lib/events/invite-company';
import { inviteRecruiter } from '@/lib/events/invite-recruiter';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fairId: string;
let otherId: string;
let sharedCompany: string; // the first demo company: in the demo fair and, linked, in the other event
let secondCompany: string;
const platformAdmin = { id: 'demo-organizer', isAdmin: true };
// Organizes the other event only.
const otherOrganizer = { id: 'other-organizer', isAdmin: false };

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

const membersOf = async (companyId: string) =>
  (await t.db.select().from(companyMembers).where(eq(companyMembers.companyId, companyId))).map((m) => `${m.userId}:${m.role}`).sort();

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  const [fair] = await t.db.select().from(events).where(eq(events.slug, 'demo-fair'));
  fairId = fair!.id;
  const companyOf = async (id: string) => (await t.db.select().from(companyMembers).where(eq(companyMembers.userId, id)))[0]!.companyId;
  sharedCompany = await companyOf('demo-recruiter-1-1');
  secondCompany = await companyOf('demo-recruiter-2-1');
  otherId = (
    await createEvent(t.db, platformAdmin, {
      name: 'Other fair',
      slug: 'other-fair',
      timeZone: 'UTC',
      status: 'published',
      chatInitiation: 'both',
      talentRequestCredits: 1,
      days: [{ date: '2027-01-10', mode: 'virtual', opensAt: '09:00', closesAt: '10:00', chatDurations: [15] }],
    })
  ).id;
  await t.db.insert(users).values({ id: otherOrganizer.id, email: 'org@other-fair.test' });
  await t.db.insert(registrations).values({ eventId: otherId, userId: otherOrganizer.id, role: 'organizer' });
  await inviteCompany(t.db, otherOrganizer, otherId, { kind: 'existing', companyId: sharedCompany });
}, 60_000);
afterAll(() => t.drop());

test('an organizer of one event cannot change the members of a company another event uses', async () => {
  const before = await membersOf(sharedCompany);
  const [colleague] = await t.db.select().from(users).where(eq(users.id, 'demo-recruiter-1-2'));
  const [foreign] = await t.db.select().from(users).where(eq(users.id, 'demo-recruiter-2-2'));
  for (const input of [
    { companyId: sharedCompany, email: colleague!.email!, role: 'admin' }, // promote a colleague to admin
    { companyId: sharedCompany, email: 'stranger@nowhere.test' }, // add a stranger
    { companyId: sharedCompany, email: foreign!.email! }, // add a recruiter of another company
  ]) {
    const err = await failure(inviteRecruiter(t.db, otherOrganizer, otherId, input));
    expect(err.code).toBe('forbidden');
    expect(err.message).toMatch(/only its own admins or a platform admin/);
  }
  expect(await membersOf(sharedCompany)).toEqual(before);
  expect(await t.db.select().from(users).where(eq(users.email, 'stranger@nowhere.test'))).toHaveLength(0);
});

test('an organizer of the other event may still register the company’s own people there, without promoting them', async () => {
  const [colleague] = await t.db.select().from(users).where(eq(users.id, 'demo-recruiter-1-2'));
  const before = await membersOf(sharedCompany);
  await inviteRecruiter(t.db, otherOrganizer, otherId, { companyId: sharedCompany, email: colleague!.email! });
  expect(await membersOf(sharedCompany)).toEqual(before);
  const regs = await t.db.select().from(registrations).where(and(eq(registrations.userId, colleague!.id), eq(registrations.eventId, otherId)));
  expect(regs.map((r) => r.role)).toEqual(['recruiter']);
});

test('a talent can invite no one', async () => {
  const err = await failure(inviteRecruiter(t.db, { id: 'demo-talent-02', isAdmin: false }, fairId, { companyId: sharedCompany, email: 'x@y.test' }));
  expect(err.code).toBe('forbidden');
  expect(err.message).toBe('Only organizers of this event or the company’s own admins can invite its recruiters.');
});

test('the company’s own admin and a platform admin may change its members', async () => {
  await inviteRecruiter(t.db, { id: 'demo-recruiter-1-1', isAdmin: false }, otherId, { companyId: sharedCompany, email: 'new1@shared.test' });
  await inviteRecruiter(t.db, platformAdmin, fairId, { companyId: sharedCompany, email: 'new2@shared.test' });
  const members = await membersOf(sharedCompany);
  expect(members.filter((m) => m.endsWith(':recruiter')).length).toBeGreaterThanOrEqual(2);
  const [n1] = await t.db.select().from(users).where(eq(users.email, 'new1@shared.test'));
  expect(members).toContain(`${n1!.id}:recruiter`);
});

test('an organizer still staffs a company that only their event uses', async () => {
  const { companyId } = await inviteCompany(t.db, otherOrganizer, otherId, { kind: 'new', companyName: 'Only Here', adminEmail: 'boss@only-here.test', adminName: '' });
  await inviteRecruiter(t.db, otherOrganizer, otherId, { companyId, email: 'hire@only-here.test' });
  expect(await membersOf(companyId)).toHaveLength(2);
});

test('a person recruits for one company per event: inviting them to a second is a clear conflict', async () => {
  const [foreign] = await t.db.select().from(users).where(eq(users.id, 'demo-recruiter-2-2'));
  const err = await failure(inviteRecruiter(t.db, platformAdmin, fairId, { companyId: sharedCompany, email: foreign!.email! }));
  expect(err.code).toBe('conflict');
  expect(err.message).toMatch(/already recruits for .+ in this event/);
  expect(await t.db.select().from(companyMembers).where(and(eq(companyMembers.userId, foreign!.id), eq(companyMembers.companyId, sharedCompany)))).toHaveLength(0);
});

test('a person in two companies of one event recruits for the one they joined first, every time', async () => {
  // A direct insert stands for a company linked later whose member also recruits for another
  // one; dated earlier, so the earlier membership is not the first row on disk.
  await t.db.insert(companyMembers).values({ companyId: secondCompany, userId: 'demo-recruiter-1-2', role: 'recruiter', createdAt: new Date('2020-01-01T00:00:00Z') });
  for (let i = 0; i < 5; i++) {
    expect((await recruiterMembership(t.db, 'demo-recruiter-1-2', fairId))?.companyId).toBe(secondCompany);
  }
});
