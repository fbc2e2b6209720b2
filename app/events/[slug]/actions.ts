'use server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { registerTalent } from '@/lib/events/register-talent';
import { authedAction } from '@/app/_action/authed-action';
import { parseInput } from '@/lib/validation';

export const registerAction = authedAction(async (user, eventId: string) =>
  registerTalent(getDb(), user, parseInput(z.uuid({ message: 'Unknown event' }), eventId)),
);
