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
  // Not "signed out": the database did not answer the session check. Callers show their
  // generic "Something went wrong on our side. Please try again." (never "Please sign in").
  if (session?.unchecked) throw new Error('The session could not be checked: the database did not answer.');
  const id = session?.user?.id;
  if (!id) return null;
  const [user] = await getDb().select().from(users).where(eq(users.id, id));
  return user ?? null;
}

