'use server';
import { getDb } from '@/db/client';
import { createEvent } from '@/lib/events/create-event';
import { authedAction } from '@/app/_action/authed-action';

export const createEventAction = authedAction(async (user, input: unknown) => {
  const { slug } = await createEvent(getDb(), user, input);
  return { slug };
});
