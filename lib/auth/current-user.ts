import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { auth } from './index';

export type TUser = typeof users.$inferSelect;

/** The signed-in user; null when signed out or the account is gone. Pages use the per-request
 * memo in app/_page/current-user.ts. */
export async function getCurrentUser(): Promise<TUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [user] = await getDb().select().from(users).where(eq(users.id, id));
  return user ?? null;
}

