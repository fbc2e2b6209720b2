// Foreign keys need an index on their referencing column: without one, deleting (or locking)
// a referenced row scans the whole referencing table — every account deletion, every slot
// removal. Hot paths have their own indexes, checked by name.
import { sql } from 'drizzle-orm';
import { executeRows } from '@/db/client';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
}, 60_000);
afterAll(() => t.drop());

test('every foreign key column leads some index of its table', async () => {
  const rows = await executeRows<{ fk: string }>(
    t.db,
    sql`select c.conname as fk
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype = 'f' and n.nspname = 'public'
          and not exists (
            select 1 from pg_index i
            where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1]
          )
        order by 1`,
  );
  expect(rows.map((r) => r.fk)).toEqual([]);
});

test('the hot paths have their indexes', async () => {
  const rows = await executeRows<{ name: string }>(t.db, sql`select indexname as name from pg_indexes where schemaname = 'public'`);
  const names = rows.map((r) => r.name);
  for (const name of ['chat_requests_slot_idx', 'slots_event_day_idx', 'chat_requests_completion_due_idx', 'notifications_unread_idx', 'outbox_event_idx', 'outbox_unsent_idx']) {
    expect(names).toContain(name);
  }
});
