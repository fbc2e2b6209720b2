import { and, eq, sql } from 'drizzle-orm';
import { conversations } from '@/db/schema';
import { admitNext } from '@/lib/desks/admit-next';
import { assignToMe, setConfidential } from '@/lib/desks/assign-conversation';
import { closeConversation, leaveConversation } from '@/lib/desks/close-conversation';
import { createDesk } from '@/lib/desks/create-desk';
import { enterDesk } from '@/lib/desks/enter-desk';
import { conversationRoleOf } from '@/lib/desks/permissions';
import { queuePosition } from '@/lib/desks/queue';
import { addTag, suggestTags } from '@/lib/desks/tag-conversation';
import { actor, codeOf, demoFair } from '../helpers/chat-fixtures';
import { openCounts, openDesk, statusOf } from '../helpers/desk-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
// demo-talent-01 is not registered in the demo fair; these start at 02.
const talent = (n: number) => actor(`demo-talent-${String(n + 1).padStart(2, '0')}`);
const MOD_A = 'demo-moderator';
const MOD_B = 'demo-organizer';

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
}, 60_000);
afterAll(() => t.drop());

describe('desk queue', () => {
  let deskId: string;
  beforeAll(async () => {
    deskId = await openDesk(t.db, fair.event.id, { moderators: [MOD_A, MOD_B], limit: 1 });
  });

  test('two are admitted at once, the third waits at position 1 and is admitted when a conversation closes', async () => {
    const a = await enterDesk(t.db, talent(1), { deskId });
    const b = await enterDesk(t.db, talent(2), { deskId });
    const c = await enterDesk(t.db, talent(3), { deskId });
    expect((await statusOf(t.db, a.conversationId)).status).toBe('open');
    expect((await statusOf(t.db, b.conversationId)).status).toBe('open');
    expect((await statusOf(t.db, c.conversationId)).status).toBe('queued');
    expect(await queuePosition(t.db, c.conversationId)).toBe(1);
    expect(await openCounts(t.db, deskId)).toEqual({ [MOD_A]: 1, [MOD_B]: 1 });

    const first = await statusOf(t.db, a.conversationId);
    await closeConversation(t.db, actor(first.assignedTo!), { conversationId: a.conversationId });
    const third = await statusOf(t.db, c.conversationId);
    expect(third.status).toBe('open');
    expect(third.assignedTo).toBe(first.assignedTo);
    expect(await openCounts(t.db, deskId)).toEqual({ [MOD_A]: 1, [MOD_B]: 1 });
  });

  test('entering again returns the same visit; the database refuses a second one', async () => {
    const again = await enterDesk(t.db, talent(2), { deskId });
    const [visit] = await t.db.select().from(conversations).where(and(eq(conversations.deskId, deskId), eq(conversations.participantId, 'demo-talent-03')));
    expect(again.conversationId).toBe(visit!.id);
    await expect(t.db.insert(conversations).values({ deskId, participantId: 'demo-talent-03' })).rejects.toThrow();
  });

  test('the database itself refuses an admission past the limit', async () => {
    await enterDesk(t.db, talent(4), { deskId });
    const [waiting] = await t.db.select().from(conversations).where(and(eq(conversations.deskId, deskId), eq(conversations.status, 'queued')));
    await expect(
      t.db.execute(sql`update conversations set status = 'open', assigned_to = ${MOD_A}, admitted_at = now() where id = ${waiting!.id}`),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/limit/) } });
    expect(await openCounts(t.db, deskId)).toEqual({ [MOD_A]: 1, [MOD_B]: 1 });
  });

  test('admitting by hand needs a free place; assign to me respects the limit', async () => {
    expect(await codeOf(admitNext(t.db, actor(MOD_A), { deskId }))).toBe('not_allowed_now');
    const [mine] = await t.db.select().from(conversations).where(and(eq(conversations.deskId, deskId), eq(conversations.assignedTo, MOD_B), eq(conversations.status, 'open')));
    expect(await codeOf(assignToMe(t.db, actor(MOD_A), { conversationId: mine!.id }))).toBe('not_allowed_now');
  });

  test('a participant leaving the queue moves everyone behind them up', async () => {
    const e = await enterDesk(t.db, talent(5), { deskId });
    expect(await queuePosition(t.db, e.conversationId)).toBe(2);
    const [head] = await t.db.select().from(conversations).where(and(eq(conversations.deskId, deskId), eq(conversations.participantId, 'demo-talent-05')));
    await leaveConversation(t.db, talent(4), { conversationId: head!.id });
    expect(await queuePosition(t.db, e.conversationId)).toBe(1);
  });

  test('hard close ends the visit: entering again starts at the end of the queue', async () => {
    const [open] = await t.db.select().from(conversations).where(and(eq(conversations.deskId, deskId), eq(conversations.assignedTo, MOD_B), eq(conversations.status, 'open')));
    const participant = actor(open!.participantId!);
    await closeConversation(t.db, actor(MOD_B), { conversationId: open!.id, hard: true });
    expect((await statusOf(t.db, open!.id)).status).toBe('hard_closed');
    // The freed place went to the person waiting; the returning participant queues anew.
    const back = await enterDesk(t.db, participant, { deskId });
    expect(back.conversationId).not.toBe(open!.id);
    expect((await statusOf(t.db, back.conversationId)).status).toBe('queued');
    expect(await queuePosition(t.db, back.conversationId)).toBe(1);
  });
});

describe('confidential, tags and who may do what', () => {
  let deskId: string;
  beforeAll(async () => {
    deskId = await openDesk(t.db, fair.event.id, { moderators: [MOD_A, MOD_B], limit: 2, name: 'Visa questions' });
  });

  test('a confidential conversation disappears for the other moderator and cannot be taken over', async () => {
    const { conversationId } = await enterDesk(t.db, talent(10), { deskId });
    const conv = await statusOf(t.db, conversationId);
    const other = conv.assignedTo === MOD_A ? MOD_B : MOD_A;
    expect(await conversationRoleOf(t.db, other, conversationId)).toBe('moderator');
    await setConfidential(t.db, actor(conv.assignedTo!), { conversationId, confidential: true });
    expect(await conversationRoleOf(t.db, other, conversationId)).toBeNull();
    expect(await codeOf(assignToMe(t.db, actor(other), { conversationId }))).toBe('not_found');
    expect(await codeOf(closeConversation(t.db, actor(other), { conversationId }))).toBe('not_found');
    // The database keeps it locked to its moderator even if code tried.
    await expect(t.db.execute(sql`update conversations set assigned_to = ${other} where id = ${conversationId}`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/confidential/) } });
  });

  test('tags are remembered per desk and suggested case-insensitively', async () => {
    const { conversationId } = await enterDesk(t.db, talent(11), { deskId });
    const mod = (await statusOf(t.db, conversationId)).assignedTo!;
    await addTag(t.db, actor(mod), { conversationId, name: 'Visa' });
    expect((await addTag(t.db, actor(mod), { conversationId, name: 'visa' })).tag).toBe('Visa');
    await addTag(t.db, actor(mod), { conversationId, name: 'Work permit' });
    expect(await suggestTags(t.db, actor(mod), { deskId, prefix: 'vi' })).toEqual(['Visa']);
    expect(await suggestTags(t.db, actor(mod), { deskId, prefix: '' })).toEqual(['Visa', 'Work permit']);
    expect(await codeOf(suggestTags(t.db, talent(11), { deskId, prefix: 'v' }))).toBe('forbidden');
    expect(await codeOf(addTag(t.db, talent(11), { conversationId, name: 'x' }))).toBe('not_found');
  });

  test('participants cannot close for the desk, moderators cannot enter their own desk', async () => {
    const { conversationId } = await enterDesk(t.db, talent(12), { deskId });
    expect(await codeOf(closeConversation(t.db, talent(12), { conversationId }))).toBe('not_found');
    expect(await codeOf(enterDesk(t.db, actor(MOD_A), { deskId }))).toBe('forbidden');
  });

  test('organizers create desks; a company admin only for their own company; a recruiter not at all', async () => {
    const base = { eventId: fair.event.id, name: 'Ask Acme', date: '2030-01-01', opensAt: '09:00', closesAt: '12:00', limitPerModerator: 2, retentionDays: 7 };
    const [acmeAdmin, acmeRecruiter, otherAdmin] = ['demo-recruiter-1-1', 'demo-recruiter-1-2', 'demo-recruiter-2-1'];
    const companyId = (await t.db.execute(sql`select company_id from company_members where user_id = ${acmeAdmin}`)) as unknown;
    const id = Array.isArray(companyId) ? (companyId[0] as { company_id: string }).company_id : (companyId as { rows: { company_id: string }[] }).rows[0]!.company_id;
    const input = { ...base, companyId: id, moderatorIds: [acmeAdmin, acmeRecruiter] };
    expect(await codeOf(createDesk(t.db, actor(acmeAdmin), input))).toBe('ok');
    expect(await codeOf(createDesk(t.db, actor(acmeRecruiter), input))).toBe('forbidden');
    expect(await codeOf(createDesk(t.db, actor(otherAdmin), input))).toBe('forbidden');
    expect(await codeOf(createDesk(t.db, actor(acmeAdmin), { ...base, companyId: null, moderatorIds: [acmeAdmin] }))).toBe('forbidden');
    expect(await codeOf(createDesk(t.db, actor(acmeAdmin), { ...input, moderatorIds: [otherAdmin] }))).toBe('invalid_input');
    expect(await codeOf(createDesk(t.db, actor(MOD_B), { ...base, companyId: null, moderatorIds: [MOD_A] }))).toBe('ok');
  });
});
