import { and, eq } from 'drizzle-orm';
import { companies, companyMembers, eventCompanies, events, outbox, registrations, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { AppError } from '@/lib/errors';
import { inviteCompany } from '@/lib/events/invite-company';
import { inviteRecruiter } from '@/lib/events/invite-recruiter';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let eventId: string;
const organizer = { id: 'demo-organizer', isAdmin: false };
const talent = { id: 'demo-talent-02', isAdmin: false };
const recruiter = { id: 'demo-recruiter-1-1', isAdmin: false };
const ORIGIN = 'http://fair.test';
// Links in mails come from the one public origin (AUTH_URL), read when the first mail is built.
process.env.AUTH_URL = ORIGIN;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  const [e] = await t.db.select().from(events).where(eq(events.slug, 'demo-fair'));
  eventId = e!.id;
}, 60_000);
afterAll(() => t.drop());

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

test('an organizer invites a new company: company, admin, registration and mail in one go', async () => {
  const res = await inviteCompany(t.db, organizer, eventId, { kind: 'new', companyName: 'Harbor Labs', adminEmail: 'Ada@Harbor.test', adminName: 'Ada' });
  expect(res.invited).toBe('ada@harbor.test');
  const [company] = await t.db.select().from(companies).where(eq(companies.id, res.companyId));
  expect(company!.slug).toBe('harbor-labs');
  const [admin] = await t.db.select().from(users).where(eq(users.email, 'ada@harbor.test'));
  const [member] = await t.db.select().from(companyMembers).where(eq(companyMembers.userId, admin!.id));
  expect(member).toMatchObject({ companyId: res.companyId, role: 'admin' });
  const regs = await t.db.select().from(registrations).where(and(eq(registrations.userId, admin!.id), eq(registrations.eventId, eventId)));
  expect(regs.map((r) => r.role)).toEqual(['recruiter']);
  const [mail] = await t.db.select().from(outbox).where(eq(outbox.toEmail, 'ada@harbor.test'));
  expect(mail!.subject).toContain('Fairground Demo Career Fair');
  expect(mail!.text).toContain(`${ORIGIN}/signin?email=ada%40harbor.test`);
});

test('a second company with the same name gets its own address', async () => {
  const res = await inviteCompany(t.db, organizer, eventId, { kind: 'new', companyName: 'Harbor Labs', adminEmail: 'bo@harbor2.test', adminName: '' });
  const [company] = await t.db.select().from(companies).where(eq(companies.id, res.companyId));
  expect(company!.slug).toBe('harbor-labs-2');
});

test('adding a company that already takes part is a clear conflict', async () => {
  const [link] = await t.db.select().from(eventCompanies).where(eq(eventCompanies.eventId, eventId)).limit(1);
  const err = await failure(inviteCompany(t.db, organizer, eventId, { kind: 'existing', companyId: link!.companyId }));
  expect(err.code).toBe('conflict');
  expect(err.message).toMatch(/already takes part/);
});

test('talents and recruiters cannot invite; bad e-mails are refused field by field', async () => {
  const input = { kind: 'new', companyName: 'Nope Inc', adminEmail: 'x@nope.test', adminName: '' };
  expect((await failure(inviteCompany(t.db, talent, eventId, input))).code).toBe('forbidden');
  expect((await failure(inviteCompany(t.db, recruiter, eventId, input))).code).toBe('forbidden');
  expect((await failure(inviteCompany(t.db, null, eventId, input))).code).toBe('unauthorized');
  const bad = await failure(inviteCompany(t.db, organizer, eventId, { ...input, adminEmail: 'not-an-email' }));
  expect(bad.code).toBe('invalid_input');
  expect(bad.fieldErrors?.adminEmail).toMatch(/valid e-mail/);
  expect(await t.db.select().from(companies).where(eq(companies.name, 'Nope Inc'))).toHaveLength(0);
});

test('inviting a recruiter to a company outside the event is refused and writes nothing', async () => {
  const [outsider] = await t.db.insert(companies).values({ slug: 'outsider', name: 'Outsider' }).returning();
  const before = await t.db.select().from(outbox);
  const err = await failure(inviteRecruiter(t.db, organizer, eventId, { companyId: outsider!.id, email: 'r@outsider.test' }));
  expect(err.code).toBe('not_found');
  expect(await t.db.select().from(outbox)).toHaveLength(before.length);
  expect(await t.db.select().from(users).where(eq(users.email, 'r@outsider.test'))).toHaveLength(0);
});

test('inviting an existing admin as recruiter never demotes them', async () => {
  const [member] = await t.db.select().from(companyMembers).where(eq(companyMembers.userId, 'demo-recruiter-1-1'));
  const [admin] = await t.db.select().from(users).where(eq(users.id, 'demo-recruiter-1-1'));
  await inviteRecruiter(t.db, organizer, eventId, { companyId: member!.companyId, email: admin!.email!, role: 'recruiter' });
  const [after] = await t.db.select().from(companyMembers).where(eq(companyMembers.userId, 'demo-recruiter-1-1'));
  expect(after!.role).toBe('admin');
});
