/**
 * The codes a use-case may fail with. Each maps to one HTTP status and is safe to show.
 * - unauthorized: no signed-in user where one is required (401)
 * - forbidden: signed in, but this person may not do this (403)
 * - not_found: the thing does not exist, or is hidden from this person (404)
 * - invalid_input: input failed validation; fieldErrors say where (422)
 * - conflict: a uniqueness rule of the database said no, e.g. a taken slug (409)
 * - not_allowed_now: allowed in general, but not in the current state (409)
 * - slot_taken: someone else booked that slot first (409)
 * - time_clash: the talent already has a chat at that time (409)
 * - already_requested: an open request between these two people exists (409)
 * - no_credits: no request credits left in this event (409)
 * - rate_limited: asked too often in a short time, e.g. sign-in links (429)
 * - unavailable: a part this needs is not configured on this installation, e.g. video (503)
 */
export type TErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid_input'
  | 'conflict'
  | 'not_allowed_now'
  | 'slot_taken'
  | 'time_clash'
  | 'already_requested'
  | 'no_credits'
  | 'rate_limited'
  | 'unavailable';

export const STATUS_OF: Record<TErrorCode | 'internal', number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 422,
  conflict: 409,
  not_allowed_now: 409,
  slot_taken: 409,
  time_clash: 409,
  already_requested: 409,
  no_credits: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export type TFieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly fieldErrors?: TFieldErrors,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export type TErrorBody = { code: TErrorCode | 'internal'; message: string; fieldErrors?: TFieldErrors };
export type TResult<T> = ({ ok: true } & T) | { ok: false; error: TErrorBody };

type PgLikeError = { code?: string; constraint_name?: string; constraint?: string };

/** PostgreSQL error of a constraint, from postgres.js, PGlite, or wrapped by Drizzle. */
export function pgError(err: unknown): PgLikeError | undefined {
  let e: unknown = err;
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const c = (e as PgLikeError).code;
    if (typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c)) return e as PgLikeError;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps anything thrown by a use-case to a body that leaks nothing unexpected. */
export function toErrorBody(err: unknown, conflicts: Record<string, string> = {}): TErrorBody {
  if (err instanceof AppError) {
    return { code: err.code, message: err.message, ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}) };
  }
  const pg = pgError(err);
  if (pg && (pg.code === '23505' || pg.code === '23P01')) {
    const name = pg.constraint_name ?? pg.constraint ?? '';
    return { code: 'conflict', message: conflicts[name] ?? 'This conflicts with something that already exists.' };
  }
  if (pg && pg.code === 'P0001') {
    // Raised by the state-machine triggers: the row moved on while the person was looking at it.
    return { code: 'not_allowed_now', message: 'This changed in the meantime. Reload to see where it stands now.' };
  }
  if (pg && (pg.code === '23514' || pg.code === '22007' || pg.code === '22P02')) {
    return { code: 'invalid_input', message: 'Some values are not valid. Check the form and try again.' };
  }
  console.error('[fairground] unexpected error', err);
  return { code: 'internal', message: 'Something went wrong on our side. Please try again.' };
}

/** Rethrows a constraint violation of the database as the domain error named for it. */
export function translateConstraint(err: unknown, byConstraint: Record<string, AppError>): never {
  const pg = pgError(err);
  const name = pg?.constraint_name ?? pg?.constraint;
  if (pg && (pg.code === '23505' || pg.code === '23P01' || pg.code === '23514') && name && byConstraint[name]) {
    throw byConstraint[name];
  }
  throw err;
}
