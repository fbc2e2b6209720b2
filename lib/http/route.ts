import 'server-only';
import { getCurrentUser, type TUser } from '@/lib/auth/current-user';
import { sessionRequestOf } from '@/lib/auth/session-cookie';
import { AppError } from '@/lib/errors';
import { errorResponse } from './json';

export { errorResponse, readJson } from './json';

type Handler<C> = (req: Request, ctx: C & { user: TUser }) => Promise<Response>;

/** Route-handler wrapper: requires a session and maps every thrown error to a JSON body. */
export function withAuth<C>(handler: Handler<C>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      const user = await getCurrentUser(sessionRequestOf(req.headers));
      if (!user) throw new AppError('unauthorized', 'Please sign in to continue.');
      return await handler(req, { ...ctx, user });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
