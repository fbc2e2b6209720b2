/**
 * The codes a use-case may fail with. Each maps to one HTTP status and is safe to show.
 * - unauthorized: no signed-in user where one is required (401)
 * - forbidden: signed in, but this person may not do this (403)
 * - not_found: the thing does not exist, or is hidden from this person (404)
 * - invalid_input: input failed validation; fieldErrors say where (422)
 * - conflict: a uniqueness rule of the database said no, e.g. a taken slug (409)
 * - not_allowed_now: allowed in general, but not in the current state, e.g. something it
 *   needs was removed or changed in the meantime (409)
 * - slot_taken: someone else booked that slot first, or its recruiter just removed it (409)
 * - time_clash: the talent already has a chat at that time (409)
 * - already_requested: an open request between these two people exists (409)
 * - no_credits: no request credits left in this event (409)
 * - rate_limited: asked too often in a short time, e.g. sign-in links (429)
 * - busy: too many people changed the same thing at once, even after retrying (409)
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
  | 'busy'
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
  busy: 409,
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
