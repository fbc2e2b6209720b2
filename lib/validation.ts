import type { z } from 'zod';
import { AppError, type TFieldErrors } from './errors';

/** Parses input or throws invalid_input with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: TFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    fieldErrors[key] ??= issue.message;
  }
  const first = Object.values(fieldErrors)[0] ?? 'Invalid input.';
  throw new AppError('invalid_input', `Please correct the highlighted fields. ${first}`.trim(), fieldErrors);
}
