import 'server-only';
import { getReadDb } from '@/db/client';
import type { users } from '@/db/schema';
import { env } from '@/lib/env';
import { authSecret } from './secret';
import type { TSessionRequest } from './session-cookie';
import { sessionClaims } from './session-user';
import { checkedSessionUser } from './sessions';

export type TUser = typeof users.$inferSelect;

/**
 * The signed-in user of a route handler's or server action's request (lib/http's wrappers); null
 * when signed out, the session has ended, or the account is gone. The pages' path, without
 * Auth.js: the cookie decrypted through the remembered codec, then the session row and its user
 * in one prepared statement — where `auth()` built Auth.js's config, ran the jwt callback's
 * session check and then read the user in a second statement. When the database does not answer
 * it throws (checkedSessionUser): callers show their generic "Something went wrong on our side.
 * Please try again.", never "Please sign in". Pages use the per-request memo in
 * app/_page/current-user.ts.
 */
export async function getCurrentUser(request: TSessionRequest): Promise<TUser | null> {
  const claims = await sessionClaims(request, authSecret());
  return checkedSessionUser(getReadDb(), claims, env().demoLogin);
}
