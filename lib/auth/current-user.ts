import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { auth } from './index';

export type TUser = typeof users.$inferSelect;

/** The signed-in user, read once per request; null when signed out or the account is gone. */
export const getCurrentUser = cache(async (): Promise<TUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [user] = await getDb().select().from(users).where(eq(users.id, id));
  return user ?? null;
});

export async function requireUser(): Promise<TUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('unauthorized', 'Please sign in to continue.');
  return user;
}
