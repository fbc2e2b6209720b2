import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getReadDb } from '@/db/client';
import { sessionUser } from '@/lib/auth/session-user';
import { authSecret } from '@/lib/auth/secret';
import type { TUser } from '@/lib/auth/current-user';
import { env } from '@/lib/env';

/**
 * The signed-in user, read once per request however many server components ask (React cache):
 * the session cookie checked as Auth.js's `auth()` checks it, with its session row and user in
 * one statement (lib/auth/session-user.ts).
 */
export const currentUser = cache(async (): Promise<TUser | null> => {
  const h = await headers();
  return sessionUser(getReadDb(), { cookie: h.get('cookie'), forwardedProto: h.get('x-forwarded-proto') }, { secret: authSecret(), demoLogin: env().demoLogin });
});
