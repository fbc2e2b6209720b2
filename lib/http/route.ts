import { NextResponse } from 'next/server';
import { getCurrentUser, type TUser } from '@/lib/auth/current-user';
import { AppError, STATUS_OF, toErrorBody } from '@/lib/errors';

type Handler<C> = (req: Request, ctx: C & { user: TUser }) => Promise<Response>;

/** Route-handler wrapper: requires a session and maps every thrown error to a JSON body. */
export function withAuth<C>(handler: Handler<C>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    try {
      const user = await getCurrentUser();
      if (!user) throw new AppError('unauthorized', 'Please sign in to continue.');
      return await handler(req, { ...ctx, user });
    } catch (err) {
      const error = toErrorBody(err);
      return NextResponse.json({ ok: false, error }, { status: STATUS_OF[error.code] });
    }
  };
}
