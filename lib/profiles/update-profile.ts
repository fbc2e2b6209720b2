import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { profiles, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';
import { ZProfileInput } from './schemas';
import { inTx } from '@/lib/tx/in-tx';

/** A person edits only their own profile: the actor is the target. */
export async function updateProfile(db: Db, actor: { id: string } | null, input: unknown): Promise<void> {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to edit your profile.');
  const { name, ...profile } = parseInput(ZProfileInput, input);
  await inTx(db, async (tx) => {
    await tx.update(users).set({ name }).where(eq(users.id, actor.id));
    await tx
      .insert(profiles)
      .values({ userId: actor.id, ...profile })
      .onConflictDoUpdate({ target: profiles.userId, set: { ...profile, updatedAt: new Date() } });
  });
}
