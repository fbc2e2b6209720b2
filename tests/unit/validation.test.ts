import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation';

const ZInput = z.object({
  name: z.string().min(3, 'Name too short'),
  days: z.array(z.object({ date: z.string().min(1, 'Pick a date') })),
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('parseInput', () => {
  it('returns the parsed data when valid', () => {
    expect(parseInput(ZInput, { name: 'Fair', days: [{ date: 'x' }], extra: 1 })).toEqual({ name: 'Fair', days: [{ date: 'x' }] });
  });

  it('throws invalid_input with one message per dotted path', () => {
    const err = thrown(() => parseInput(ZInput, { name: 'ab', days: [{ date: 'ok' }, { date: '' }] }));
    expect(err).toBeInstanceOf(AppError);
    const app = err as AppError;
    expect(app.code).toBe('invalid_input');
    expect(app.fieldErrors).toEqual({ name: 'Name too short', 'days.1.date': 'Pick a date' });
    expect(app.message).toBe('Please correct the highlighted fields. Name too short');
  });

  it('keeps the first message when a field has several', () => {
    const Z = z.object({ code: z.string().min(3, 'first').regex(/^\d+$/, 'second') });
    const app = thrown(() => parseInput(Z, { code: 'a' })) as AppError;
    expect(app.fieldErrors).toEqual({ code: 'first' });
  });

  it('keys a top-level problem as _form', () => {
    const app = thrown(() => parseInput(ZInput, 'nope')) as AppError;
    expect(Object.keys(app.fieldErrors ?? {})).toEqual(['_form']);
  });
});

describe('parseInput and NUL characters', () => {
  const ZProfile = z.object({ name: z.string(), links: z.array(z.object({ url: z.string() })) });

  it('refuses a NUL in any string, top level or nested, with a message at its field', () => {
    const err = thrown(() => parseInput(ZProfile, { name: 'Ada\u0000', links: [{ url: 'https://a.test' }, { url: 'x\u0000y' }] })) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('invalid_input');
    expect(err.fieldErrors).toEqual({
      name: 'Remove the invisible NUL character (\\u0000) from this text: text cannot hold it.',
      'links.1.url': 'Remove the invisible NUL character (\\u0000) from this text: text cannot hold it.',
    });
  });

  it('refuses a NUL in a bare string input (a message body)', () => {
    const err = thrown(() => parseInput(z.string(), 'hi\u0000')) as AppError;
    expect(err.fieldErrors).toEqual({ _form: 'Remove the invisible NUL character (\\u0000) from this text: text cannot hold it.' });
  });
});
