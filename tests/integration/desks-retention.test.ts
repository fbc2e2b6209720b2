import { eq, sql } from 'drizzle-orm';
import { executeRows } from '@/db/client';
import { auditLog, desks, files, users } from '@/db/schema';
import { anonymiseDeskNow, anonymiseDueDesks } from '@/lib/desks/anonymise-desk';
import { closeConversation } from '@/lib/desks/close-conversation';
import { deskReport } from '@/lib/desks/desk-report';
import { enterDesk } from '@/lib/desks/enter-desk';
import { postDeskMessage } from '@/lib/desks/post-desk-message';
import { queueChart } from '@/lib/desks/queue-chart';
import { setConfidential } from '@/lib/desks/assign-conversation';
import { addTag } from '@/lib/desks/tag-conversation';
import { actOnMessage, appendMessage } from '@/lib/threads';
import { actor, codeOf, demoFair } from '../helpers/chat-fixtures';
import { openDesk, statusOf } from '../helpers/desk-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
let fair: Awaited<ReturnType<typeof demoFair>>;
const MOD = 'demo-moderator';
// A minimal PDF: file-type knows it by its first bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  t = await createTestDatabase();
  fair = await demoFair(t.db);
}, 60_000);
afterAll(() => t.drop());

/**
 * A shared file as lib/desks/share-file stores it, minus the type detection: file-type is ESM
 * only and does not load under jest (its upload is covered by the browser test).
 */
async function shareFileDirectly(conversationId: string, ownerId: string, name: string, bytes: Buffer) {
  await t.db.transaction(async (tx) => {
    const [thread] = await executeRows<{ id: string }>(
      tx,
      sql`insert into threads (kind, owner_id, event_id) values ('desk_conversation', ${conversationId}, ${fair.event.id})
          on conflict (kind, owner_id) do update set kind = excluded.kind returning id`,
    );
    const [file] = await tx.insert(files).values({ threadId: thread!.id, ownerId, name, type: 'application/pdf', size: bytes.byteLength, sha256: 'x', data: bytes }).returning();
    await appendMessage(tx, { kind: 'desk_conversation', ownerId: conversationId, eventId: fair.event.id }, { authorId: ownerId, body: '', attachmentId: file!.id });
  });
}

/** Every row of every table but the people's own accounts, as text. */
async function everythingButAccounts(): Promise<string> {
  const tables = await executeRows<{ name: string }>(
    t.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('users', 'accounts', 'sessions', 'verification_tokens', 'profiles', 'registrations', 'company_members', 'credit_accounts', 'credit_ledger', 'magic_link_requests', '__drizzle_migrations')`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await executeRows<{ row: string }>(t.db, sql.raw(`select row_to_json(x)::text as row from "${name}" x`));
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}

describe('desk report and anonymisation', () => {
  let deskId: string;
  let conversationId: string;
  let confidentialId: string;
  const talent = actor('demo-talent-05');
  const other = actor('demo-talent-06');

  beforeAll(async () => {
    deskId = await openDesk(t.db, fair.event.id, { moderators: [MOD, 'demo-organizer'], limit: 2, filesAllowed: true });
    ({ conversationId } = await enterDesk(t.db, talent, { deskId }));
    await postDeskMessage(t.db, talent, { conversationId, body: 'Hi, I am Emma, my phone is +49 170 1234567' });
    const mod = (await statusOf(t.db, conversationId)).assignedTo!;
    await postDeskMessage(t.db, actor(mod), { conversationId, body: 'Hello Emma, how can I help?' });
    await shareFileDirectly(conversationId, 'demo-talent-05', 'cv-emma.pdf', PDF);
    await addTag(t.db, actor(mod), { conversationId, name: 'CV review' });
    await closeConversation(t.db, actor(mod), { conversationId });
    ({ conversationId: confidentialId } = await enterDesk(t.db, other, { deskId }));
    await postDeskMessage(t.db, other, { conversationId: confidentialId, body: 'A private matter about my visa' });
    const confMod = (await statusOf(t.db, confidentialId)).assignedTo!;
    await setConfidential(t.db, actor(confMod), { conversationId: confidentialId, confidential: true });
  });

  test('the report has times, wait, moderator, tags and counts but no bodies; the download is audit-logged', async () => {
    const { csv, filename } = await deskReport(t.db, actor('demo-organizer'), { deskId });
    expect(filename).toBe('application-q-a-report.csv');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('conversation,desk,participant,status,queued_at,admitted_at,closed_at,wait_minutes,moderator,tags,participant_messages,moderator_messages');
    const row = lines.find((l) => l.startsWith(conversationId))!;
    expect(row).toContain('CV review');
    expect(row).toMatch(/,2,1$/); // two by the participant (text and file), one by the moderator
    expect(csv).not.toContain('phone');
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'desk.report_downloaded'));
    expect(audit).toHaveLength(1);
    expect(await codeOf(deskReport(t.db, talent, { deskId }))).toBe('forbidden');
  });

  test('a confidential conversation is only in its own moderator’s report and transcript', async () => {
    const confMod = (await statusOf(t.db, confidentialId)).assignedTo!;
    const someoneElse = confMod === MOD ? 'demo-organizer' : MOD;
    // The organizer is also a moderator here; an organizer who is not its moderator does not see it.
    const asOther = await deskReport(t.db, { id: someoneElse, isAdmin: true }, { deskId, transcript: true });
    expect(asOther.csv).not.toContain(confidentialId);
    const asOwn = await deskReport(t.db, { id: confMod, isAdmin: true }, { deskId, transcript: true });
    expect(asOwn.csv).toContain('A private matter about my visa');
  });

  test('the queue chart counts the day in 15-minute steps', async () => {
    const points = await queueChart(t.db, deskId);
    expect(points.length).toBeGreaterThan(100);
    expect(points.every((p) => p.queueLength >= 0)).toBe(true);
  });

  test('anonymisation leaves no name, e-mail, body or file — counts, times and tags stay', async () => {
    expect(await codeOf(anonymiseDeskNow(t.db, actor('demo-organizer'), { deskId }))).toBe('not_allowed_now'); // still open
    await t.db.update(desks).set({ opensAt: new Date(Date.now() - 7200_000), closesAt: new Date(Date.now() - 3600_000) }).where(eq(desks.id, deskId));
    const before = await deskReport(t.db, actor('demo-organizer'), { deskId });
    const result = await anonymiseDeskNow(t.db, actor('demo-organizer'), { deskId });
    expect(result).toMatchObject({ conversations: 2, files: 1 });
    const after = await deskReport(t.db, actor('demo-organizer'), { deskId });
    // Same rows, counts, times and tags; only the participant column changed.
    const strip = (csv: string) => csv.split('\r\n').map((l) => l.split(',').filter((_, i) => i !== 2).join(','));
    expect(strip(after.csv)).toEqual(strip(before.csv));
    expect(after.csv).toContain('Participant 1');

    const dump = await everythingButAccounts();
    for (const id of ['demo-talent-05', 'demo-talent-06']) {
      const [person] = await t.db.select().from(users).where(eq(users.id, id));
      expect(dump).not.toContain(person!.name!);
      expect(dump).not.toContain(person!.email!);
      expect(dump).not.toContain(`"${id}"`);
    }
    for (const phrase of ['+49 170', '1234567', 'how can I help', 'private matter', '%PDF', 'cv-emma']) expect(dump).not.toContain(phrase);
    expect(await codeOf(anonymiseDeskNow(t.db, actor('demo-organizer'), { deskId }))).toBe('not_allowed_now');
  });

  test('the retention job anonymises desks whose event ended longer ago than their retention', async () => {
    const due = await openDesk(t.db, fair.event.id, { moderators: [MOD], limit: 1, name: 'Old desk' });
    const { conversationId: id } = await enterDesk(t.db, actor('demo-talent-07'), { deskId: due });
    await postDeskMessage(t.db, actor('demo-talent-07'), { conversationId: id, body: 'flag me' });
    const [msg] = await executeRows<{ id: string }>(t.db, sql`select m.id from messages m join threads th on th.id = m.thread_id where th.owner_id = ${id}`);
    await actOnMessage(t.db, actor(MOD), { messageId: msg!.id, action: 'flag' });
    // The demo fair ends tomorrow night: with 30 days of retention nothing is due yet, 40 days on it is.
    expect(await anonymiseDueDesks(t.db)).toBe(0);
    expect(await anonymiseDueDesks(t.db, new Date(Date.now() + 40 * 86_400_000))).toBeGreaterThanOrEqual(1);
    const [desk] = await t.db.select().from(desks).where(eq(desks.id, due));
    expect(desk!.anonymisedAt).not.toBeNull();
    const [body] = await executeRows<{ body: string; redacted: boolean }>(t.db, sql`select body, redacted_at is not null as redacted from messages where id = ${msg!.id}`);
    expect(body).toEqual({ body: '', redacted: true });
  });
});
