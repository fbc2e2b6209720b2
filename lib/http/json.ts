import { AppError, STATUS_OF, toErrorBody } from '@/lib/errors';

/** Any thrown error as the JSON error body with its status. */
export function errorResponse(err: unknown): Response {
  const error = toErrorBody(err);
  return Response.json({ ok: false, error }, { status: STATUS_OF[error.code] });
}

/** A request's JSON body; a body that is not JSON is the caller's mistake (422), not a 500. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError('invalid_input', 'The request body must be JSON.');
  }
}
