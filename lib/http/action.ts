import 'server-only';
import { getCurrentUser, type TUser } from '@/lib/auth/current-user';
import type { TSessionRequest } from '@/lib/auth/session-cookie';
import { AppError, toErrorBody, type TResult } from '@/lib/errors';

/**
 * The server-action wrapper, given how to read the calling request's session cookie (Next.js's
 * headers(), which lib/ may not import: app/_action/authed-action.ts passes it in). The wrapper
 * injects the signed-in user and turns every thrown error into a typed result (through the one
 * error registry, lib/errors), so actions carry no try/catch and never throw a 500.
 */
export function actionWrapper(sessionRequest: () => Promise<TSessionRequest>) {
  return function authedAction<A extends unknown[], T extends object>(fn: (user: TUser, ...args: A) => Promise<T>) {
    return async (...args: A): Promise<TResult<T>> => {
      try {
        const user = await getCurrentUser(await sessionRequest());
        if (!user) throw new AppError('unauthorized', 'Please sign in to continue.');
        return { ok: true, ...(await fn(user, ...args)) };
      } catch (err) {
        if (isRedirect(err)) throw err;
        return { ok: false, error: toErrorBody(err) };
      }
    };
  };
}

/** Next.js signals redirect()/notFound() by throwing; those must pass through. */
export function isRedirect(err: unknown): boolean {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK'));
}
