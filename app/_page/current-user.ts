import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getCurrentUser, type TUser } from '@/lib/auth/current-user';
import { sessionRequestOf } from '@/lib/auth/session-cookie';

/**
 * The signed-in user, read once per request however many server components ask (React cache):
 * the session cookie checked as Auth.js's `auth()` checks it, with its session row and user in
 * one statement — the same read as route handlers and server actions (lib/auth/current-user.ts),
 * so a database outage is the same explicit error everywhere, never "signed out".
 */
export const currentUser = cache(async (): Promise<TUser | null> => getCurrentUser(sessionRequestOf(await headers())));
