import { z } from 'zod';
import { AppError, type TFieldErrors } from './errors';

export const NUL_MESSAGE = 'Remove the invisible NUL character (\\u0000) from this text: text cannot hold it.';

/**
 * PostgreSQL text cannot hold a NUL character (it answers 22021 and the person gets a 500), and
 * no form can type one: it comes from a paste of binary data or a crafted request. Every string
 * anywhere in an input is checked, so no schema can forget it.
 */
const ZNoNulText = z.unknown().superRefine((input, ctx) => {
  const visit = (v: unknown, path: PropertyKey[], depth: number) => {
    if (typeof v === 'string') {
      if (v.includes('\u0000')) ctx.addIssue({ code: 'custom', message: NUL_MESSAGE, path });
    } else if (v && typeof v === 'object' && depth < 20) {
      for (const [k, child] of Object.entries(v)) visit(child, [...path, k], depth + 1);
    }
  };
  visit(input, [], 0);
});

/** Parses input or throws invalid_input with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const clean = ZNoNulText.safeParse(input);
  const parsed = clean.success ? schema.safeParse(input) : clean;
  if (parsed.success) return parsed.data;
  const fieldErrors: TFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    fieldErrors[key] ??= issue.message;
  }
  const first = Object.values(fieldErrors)[0] ?? 'Invalid input.';
  throw new AppError('invalid_input', `Please correct the highlighted fields. ${first}`.trim(), fieldErrors);
}
