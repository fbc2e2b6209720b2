'use server';
import { getDb } from '@/db/client';
import { createEvent } from '@/lib/events/create-event';
import { EVENT_CONFLICTS } from '@/lib/events/schemas';
import { authedAction } from '@/lib/http/action';

export const createEventAction = authedAction(async (user, input: unknown) => {
  const { slug } = await createEvent(getDb(), user, input);
  return { slug };
}, EVENT_CONFLICTS);
