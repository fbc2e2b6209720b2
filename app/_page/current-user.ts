import 'server-only';
import { cache } from 'react';
import { getCurrentUser } from '@/lib/auth/current-user';

/** The signed-in user, read once per request however many server components ask (React cache). */
export const currentUser = cache(getCurrentUser);
