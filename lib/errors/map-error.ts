import { AppError, type TErrorBody, type TErrorCode } from './app-error';
import { CONSTRAINTS, type TConstraintEntry, type TConstraintRule } from './constraints';

type PgLikeError = { code?: string; constraint_name?: string; constraint?: string; detail?: string; hint?: string };

/** PostgreSQL error, from postgres.js, PGlite, or wrapped by Drizzle. */
export function pgError(err: unknown): PgLikeError | undefined {
  let e: unknown = err;
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const c = (e as PgLikeError).code;
    if (typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c)) return e as PgLikeError;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Serialization failures and deadlocks: the transaction did nothing wrong and may run again. */
export function isRetryable(err: unknown): boolean {
  const code = pgError(err)?.code;
  return code === '40001' || code === '40P01';
}

/**
 * What an SQLSTATE means when no constraint of CONSTRAINTS names the cause. A person's own
 * mistake or a race they lost is a 4xx with a message saying what to do, never a 500.
 */
const BY_SQLSTATE: Record<string, TConstraintRule> = {
  '23505': { code: 'conflict', message: 'This conflicts with something that already exists.' },
  '23P01': { code: 'conflict', message: 'This overlaps with something that already exists.' },
  '23514': { code: 'invalid_input', message: 'Some values are not valid. Check the form and try again.' },
  '23503': { code: 'not_allowed_now', message: 'Something this refers to was removed in the meantime. Reload the page and try again.' },
  '23001': { code: 'not_allowed_now', message: 'This is still in use elsewhere, so it cannot be removed.' },
  '23502': { code: 'invalid_input', message: 'A required value is missing. Check the form and try again.' },
  '22021': { code: 'invalid_input', message: 'The text contains a character that cannot be stored (such as a NUL byte). Remove it and try again.' },
  '22P05': { code: 'invalid_input', message: 'The text contains a character that cannot be stored (such as a NUL byte). Remove it and try again.' },
  '22P02': { code: 'invalid_input', message: 'A value has the wrong format (for example an id or a number). Check it and try again.' },
  '22007': { code: 'invalid_input', message: 'A date or time has the wrong format. Check it and try again.' },
  '22008': { code: 'invalid_input', message: 'A date or time is out of range. Pick a date between the years 1900 and 9999.' },
  '22001': { code: 'invalid_input', message: 'A text is too long. Shorten it and try again.' },
  '22003': { code: 'invalid_input', message: 'A number is out of range. Check it and try again.' },
  '54000': { code: 'invalid_input', message: 'A text or list is too long. Shorten it and try again.' },
  // Raised by the state-machine triggers: the row moved on while the person was looking at it.
  P0001: { code: 'not_allowed_now', message: 'This changed in the meantime. Reload to see where it stands now.' },
  // Only after inTx retried: a person should simply try again.
  '40001': { code: 'busy', message: 'Many people changed this at the same moment. Please try again.' },
  '40P01': { code: 'busy', message: 'Many people changed this at the same moment. Please try again.' },
};

function ruleOf(entry: TConstraintEntry | undefined, sqlState: string, detail: string | undefined): TConstraintRule | undefined {
  if (!entry) return undefined;
  if ('code' in entry) return entry;
  const inUse = sqlState === '23001' || (sqlState === '23503' && /still referenced/i.test(detail ?? ''));
  return inUse ? entry.inUse : entry.missing;
}

/** The domain error a database error stands for, or undefined for anything unexpected. */
export function appErrorOf(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  const pg = pgError(err);
  if (!pg?.code) return undefined;
  const name = pg.constraint_name ?? pg.constraint;
  const rule = ruleOf(name ? CONSTRAINTS[name] : undefined, pg.code, pg.detail) ?? BY_SQLSTATE[pg.code];
  if (!rule) return undefined;
  return new AppError(rule.code as TErrorCode, rule.message, rule.field ? { [rule.field]: rule.message } : undefined);
}

/** Maps anything thrown by a use-case to a body that leaks nothing unexpected. */
export function toErrorBody(err: unknown): TErrorBody {
  const known = appErrorOf(err);
  if (known) return { code: known.code, message: known.message, ...(known.fieldErrors ? { fieldErrors: known.fieldErrors } : {}) };
  console.error('[fairground] unexpected error', err);
  return { code: 'internal', message: 'Something went wrong on our side. Please try again.' };
}
