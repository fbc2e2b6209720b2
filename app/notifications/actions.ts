'use server';
import { getDb } from '@/db/client';
import { authedAction } from '@/lib/http/action';
import { markAllRead } from '@/lib/notifications/queries';

export const markAllReadAction = authedAction(async (user) => ({ marked: await markAllRead(getDb(), user.id) }));
