'use server';
import { getDb } from '@/db/client';
import { authedAction } from '@/app/_action/authed-action';
import { markAllRead, markRead } from '@/lib/notifications/queries';

export const markAllReadAction = authedAction(async (user) => ({ marked: await markAllRead(getDb(), user.id) }));
export const markReadAction = authedAction(async (user, input: { id: string }) => ({ marked: await markRead(getDb(), user.id, input) }));
