// Demo mode lets anyone be any demo person, so the outbox must not hand out mail of real addresses.
import { users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { canSeeTopic } from '@/lib/live/access';
import { topics } from '@/lib/live/topics';
import { listOutbox } from '@/lib/mail/queries';
import { queueMail } from '@/lib/mail/send-mail';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

process.env.AUTH_DEMO_LOGIN = '1';

let t: TestDatabase;
const realAdmin = { id: 'real-admin', isAdmin: true };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  await t.db.insert(users).values({ id: realAdmin.id, email: 'boss@fair-company.com', isAdmin: true });
  await queueMail(t.db, { to: 'ceo@fair-company.com', subject: 'Real sign-in link', text: 'https://fair/api/auth/callback/email?token=secret', kind: 'magic_link' });
  await queueMail(t.db, { to: 'talent7@demo.fairground.test', subject: 'Demo sign-in link', text: 'https://fair/api/auth/callback/email?token=demo', kind: 'magic_link' });
  await queueMail(t.db, { to: 'newcomer@example.com', subject: 'Test sign-in link', text: 'https://fair/x', kind: 'magic_link' });
}, 60_000);
afterAll(() => t.drop());

const subjects = (mails: { subject: string }[] | null) => (mails ?? []).map((m) => m.subject).sort();

test('demo mode: visitors read mail to test addresses, never the sign-in link of a real address', async () => {
  expect(subjects(await listOutbox(t.db, null))).toEqual(['Demo sign-in link', 'Test sign-in link']);
  // The demo organizer is an admin of the demo fair, but anyone can sign in as them.
  expect(subjects(await listOutbox(t.db, { id: 'demo-organizer', isAdmin: true }))).toEqual(['Demo sign-in link', 'Test sign-in link']);
  expect(subjects(await listOutbox(t.db, { id: 'demo-talent-02', isAdmin: false }))).toEqual(['Demo sign-in link', 'Test sign-in link']);
  // A real platform admin still reads everything.
  expect(subjects(await listOutbox(t.db, realAdmin))).toEqual(['Demo sign-in link', 'Real sign-in link', 'Test sign-in link']);
});

test('demo mode: a demo account follows the test-address topic, not the topic of every mail', async () => {
  expect(await canSeeTopic(t.db, { id: 'demo-organizer', isAdmin: true }, topics.outbox)).toBe(false);
  expect(await canSeeTopic(t.db, { id: 'demo-talent-02', isAdmin: false }, topics.outboxReserved)).toBe(true);
  expect(await canSeeTopic(t.db, realAdmin, topics.outbox)).toBe(true);
});
