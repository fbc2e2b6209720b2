import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { events } from '@/db/schema';
import { startNext, stopChild, waitFor, type TChild, type TNextOptions } from './server';

/**
 * The production server with the demo seed (SEED_DEMO=1, seeded at boot) on the bench
 * database; resolves once the demo fair exists, with its event id.
 */
export async function startDemoFairServer(db: Db, o: TNextOptions): Promise<{ server: TChild; eventId: string }> {
  const server = await startNext({ ...o, env: { ...o.env, SEED_DEMO: '1' } });
  let eventId = '';
  try {
    await waitFor('the seeded demo fair', server, 180_000, async () => {
      const [fair] = await db.select({ id: events.id }).from(events).where(eq(events.slug, 'demo-fair'));
      eventId = fair?.id ?? '';
      return !!eventId;
    });
  } catch (err) {
    await stopChild(server);
    throw err;
  }
  return { server, eventId };
}
