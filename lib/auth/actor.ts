import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { users } from '@/db/schema';

/** An account by id, as an actor: for entries that read the session themselves (the live stream). */
export async function loadActor(db: DbOrTx, id: string): Promise<{ id: string; isAdmin: boolean } | undefined> {
  const [user] = await db.select({ id: users.id, isAdmin: users.isAdmin }).from(users).where(eq(users.id, id));
  return user;
}
