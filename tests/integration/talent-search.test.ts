import { eq } from 'drizzle-orm';
import { profiles } from '@/db/schema';
import { demoTalents } from '@/db/seed-data';
import { creditBalance } from '@/lib/chats/credits';
import { recruiterRequest } from '@/lib/chats/recruiter-request';
import { likePattern, searchTalents, TALENTS_PER_PAGE } from '@/lib/chats/talent-search';
import { actor, codeOf, demoFair, setEventRules } from '../helpers/chat-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
// demo-talent-01 is seeded but not registered for the event.
const registered = demoTalents().slice(1);
const search = (input: object, who = 'demo-recruiter-1-1') => searchTalents(t.db, actor(who), fair.event.id, input);

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
}, 60_000);
afterAll(() => t.drop());

test('lists every registered talent, 24 per page, in a stable order', async () => {
  const p1 = await search({});
  const p2 = await search({ page: '2' });
  expect(p1.total).toBe(registered.length);
  expect(p1.pageCount).toBe(Math.ceil(registered.length / TALENTS_PER_PAGE));
  expect(p1.talents).toHaveLength(TALENTS_PER_PAGE);
  expect(p2.talents).toHaveLength(registered.length - TALENTS_PER_PAGE);
  const ids = [...p1.talents, ...p2.talents].map((x) => x.id);
  expect(new Set(ids).size).toBe(registered.length);
  expect(ids).not.toContain('demo-talent-01');
  expect((await search({ page: 3 })).talents).toEqual([]);
  const card = p1.talents.find((x) => x.id === 'demo-talent-05')!;
  const seed = registered.find((x) => x.id === 'demo-talent-05')!;
  expect(card).toMatchObject({ name: seed.name, headline: seed.headline, languages: seed.languages, experienceLevel: seed.experienceLevel, openWithCompany: [] });
  expect(seed.bio.startsWith(card.bioExcerpt.replace(/…$/, ''))).toBe(true);
});

test('filters by experience level and by language (any case)', async () => {
  const senior = await search({ experienceLevel: 'senior' });
  expect(senior.total).toBe(registered.filter((x) => x.experienceLevel === 'senior').length);
  expect(senior.talents.every((x) => x.experienceLevel === 'senior')).toBe(true);

  const dutch = await search({ language: ' dutch ' });
  expect(dutch.total).toBe(registered.filter((x) => x.languages.includes('Dutch')).length);
  expect(dutch.total).toBeGreaterThan(0);
  expect(dutch.talents.every((x) => x.languages.includes('Dutch'))).toBe(true);

  const both = await search({ experienceLevel: 'student', language: 'German' });
  expect(both.total).toBe(registered.filter((x) => x.experienceLevel === 'student' && x.languages.includes('German')).length);
});

test('text search covers headline, bio and name; % and _ are literal', async () => {
  const robotics = await search({ q: 'ROBOTICS' });
  expect(robotics.total).toBe(registered.filter((x) => /robotics/i.test(`${x.name} ${x.headline} ${x.bio}`)).length);
  expect(robotics.total).toBeGreaterThan(0);

  const someone = registered[10]!;
  const byName = await search({ q: someone.name });
  expect(byName.talents.map((x) => x.id)).toContain(someone.id);

  expect((await search({ q: '%' })).total).toBe(0);
  expect((await search({ q: '_' })).total).toBe(0);
  await t.db.update(profiles).set({ bio: 'Open to 100% remote work_from_home roles.' }).where(eq(profiles.userId, 'demo-talent-07'));
  expect((await search({ q: '100%' })).talents.map((x) => x.id)).toEqual(['demo-talent-07']);
  expect((await search({ q: 'work_from' })).talents.map((x) => x.id)).toEqual(['demo-talent-07']);
  expect(likePattern('a\\b%c_d')).toBe('%a\\\\b\\%c\\_d%');
});

test('only recruiters of the event may browse talents', async () => {
  expect(await codeOf(search({}, 'demo-talent-02'))).toBe('forbidden');
  expect(await codeOf(search({}, 'demo-talent-01'))).toBe('forbidden');
  expect(await codeOf(search({}, 'demo-organizer'))).toBe('forbidden');
  expect(await codeOf(search({}, 'nobody-at-all'))).toBe('forbidden');
  expect(await codeOf(searchTalents(t.db, null, fair.event.id, {}))).toBe('unauthorized');
  expect(await codeOf(search({ experienceLevel: 'guru' }))).toBe('invalid_input');
  expect(await codeOf(search({ page: '0' }))).toBe('invalid_input');
});

test('the team lists the caller first, then colleagues recruiting in the event', async () => {
  const { team } = await search({}, 'demo-recruiter-1-2');
  expect(team[0]).toMatchObject({ id: 'demo-recruiter-1-2', isSelf: true });
  expect(team.map((m) => m.id).sort()).toEqual(['demo-recruiter-1-1', 'demo-recruiter-1-2']);
});

test('a request on behalf of a colleague shows as open for the whole company, not for others', async () => {
  const target = registered.find((x) => x.id === 'demo-talent-09')!;
  const q = { q: target.name };
  expect((await search(q)).talents.find((x) => x.id === target.id)!.openWithCompany).toEqual([]);

  await recruiterRequest(t.db, actor('demo-recruiter-1-1'), fair.event.id, { talentId: target.id, recruiterId: 'demo-recruiter-1-2', message: 'Hi!' });

  for (const who of ['demo-recruiter-1-1', 'demo-recruiter-1-2']) {
    const card = (await search(q, who)).talents.find((x) => x.id === target.id)!;
    expect(card.openWithCompany).toEqual([{ recruiterId: 'demo-recruiter-1-2', recruiterName: 'Tom Bakker', status: 'pending' }]);
  }
  expect((await search(q, 'demo-recruiter-2-1')).talents.find((x) => x.id === target.id)!.openWithCompany).toEqual([]);
  // The sender pays, whoever the chat is for.
  expect(await creditBalance(t.db, fair.event.id, 'demo-recruiter-1-1', 'recruiter')).toEqual({ left: 19, limit: 20 });
  expect(await creditBalance(t.db, fair.event.id, 'demo-recruiter-1-2', 'recruiter')).toEqual({ left: 20, limit: 20 });
});

test('says why recruiters cannot start chats when the organizer allows talents only', async () => {
  expect((await search({})).requestBlockedReason).toBeNull();
  await setEventRules(t.db, fair.event.id, { chatInitiation: 'talents' });
  try {
    expect((await search({})).requestBlockedReason).toMatch(/talents start 1-1 chats/);
  } finally {
    await setEventRules(t.db, fair.event.id, { chatInitiation: 'both' });
  }
});
