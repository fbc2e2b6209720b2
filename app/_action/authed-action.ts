import 'server-only';
import { headers } from 'next/headers';
import { sessionRequestOf } from '@/lib/auth/session-cookie';
import { actionWrapper } from '@/lib/http/action';

/**
 * Every server action's wrapper (lib/http/action.ts): the signed-in user injected, every error a
 * typed result. The session is read from the action's own request headers.
 */
export const authedAction = actionWrapper(async () => sessionRequestOf(await headers()));
