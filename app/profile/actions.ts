'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { authedAction } from '@/app/_action/authed-action';
import { updateProfile } from '@/lib/profiles/update-profile';

export const saveProfileAction = authedAction(async (user, input: unknown) => {
  await updateProfile(getDb(), user, input);
  revalidatePath('/', 'layout');
  return {};
});
