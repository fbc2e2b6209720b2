import { AppError, appErrorOf, isRetryable, pgError, toErrorBody } from '@/lib/errors';
import { CONSTRAINTS } from '@/lib/errors/constraints';

const SLUG_TAKEN = 'That address is already used by another event — choose another.';

describe('toErrorBody', () => {
  it('passes an AppError through with its field errors', () => {
    const err = new AppError('invalid_input', 'Please correct the form.', { name: 'Too short' });
    expect(toErrorBody(err)).toEqual({ code: 'invalid_input', message: 'Please correct the form.', fieldErrors: { name: 'Too short' } });
  });

  it('leaves fieldErrors out when an AppError has none', () => {
    expect(toErrorBody(new AppError('forbidden', 'No.'))).toEqual({ code: 'forbidden', message: 'No.' });
  });

  it('maps a unique violation to conflict with the registry message for its constraint, on its field', () => {
    const err = Object.assign(new Error('duplicate key'), { code: '23505', constraint_name: 'events_slug_unique' });
    expect(toErrorBody(err)).toEqual({ code: 'conflict', message: SLUG_TAKEN, fieldErrors: { slug: SLUG_TAKEN } });
  });

  it('finds the database error inside the cause Drizzle wraps it in', () => {
    const pg = { code: '23505', constraint: 'event_days_event_date_unique' };
    const err = new Error('Failed query: insert into ...', { cause: pg });
    expect(toErrorBody(err)).toMatchObject({ code: 'conflict', message: 'Each day may appear once.' });
  });

  it('maps an exclusion violation (23P01) of an unknown constraint to conflict with a generic message', () => {
    expect(toErrorBody({ code: '23P01', constraint_name: 'not_registered' })).toEqual({ code: 'conflict', message: 'This overlaps with something that already exists.' });
  });

  it('maps the chat constraints to their domain codes', () => {
    expect(toErrorBody({ code: '23505', constraint_name: 'chat_requests_slot_live_unique' }).code).toBe('slot_taken');
    expect(toErrorBody({ code: '23P01', constraint_name: 'chat_requests_talent_no_overlap' }).code).toBe('time_clash');
    expect(toErrorBody({ code: '23505', constraint_name: 'chat_requests_open_pair_unique' }).code).toBe('already_requested');
    expect(toErrorBody({ code: '23514', constraint_name: 'credit_accounts_not_overspent' }).code).toBe('no_credits');
  });

  it('tells a foreign key race apart from a delete of something still in use', () => {
    const missing = { code: '23503', constraint_name: 'chat_requests_slot_id_slots_id_fk', detail: 'Key (slot_id)=(…) is not present in table "slots".' };
    expect(toErrorBody(missing)).toEqual({ code: 'slot_taken', message: 'This slot was just removed by the recruiter — pick another.' });
    const restricted = { code: '23001', constraint_name: 'chat_requests_slot_id_slots_id_fk', detail: 'Key (id)=(…) is still referenced from table "chat_requests".' };
    expect(toErrorBody(restricted).code).toBe('not_allowed_now');
    expect(toErrorBody(restricted).message).toMatch(/booked 1-1 chats/);
    expect(toErrorBody({ code: '23503', constraint_name: 'unknown_fk' }).code).toBe('not_allowed_now');
  });

  it.each([
    ['23514', 'invalid_input'],
    ['22021', 'invalid_input'],
    ['22P02', 'invalid_input'],
    ['22008', 'invalid_input'],
    ['23001', 'not_allowed_now'],
    ['P0001', 'not_allowed_now'],
    ['40001', 'busy'],
    ['40P01', 'busy'],
  ])('maps SQLSTATE %s to %s, a 4xx with a message', (code, expected) => {
    const body = toErrorBody({ code });
    expect(body.code).toBe(expected);
    expect(body.message.length).toBeGreaterThan(20);
  });

  it('hides an unexpected error behind a generic internal message and logs it', () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const err = new Error('secret connection string postgres://u:p@db');
      const body = toErrorBody(err);
      expect(body).toEqual({ code: 'internal', message: 'Something went wrong on our side. Please try again.' });
      expect(body.message).not.toContain('postgres');
      expect(log).toHaveBeenCalledWith('[fairground] unexpected error', err);
    } finally {
      log.mockRestore();
    }
  });
});

describe('the registry', () => {
  it('gives every constraint a message that says what to do (no placeholder text)', () => {
    for (const [name, entry] of Object.entries(CONSTRAINTS)) {
      const rules = 'code' in entry ? [entry] : Object.values(entry);
      expect(rules.length).toBeGreaterThan(0);
      for (const r of rules) expect(`${name}: ${r!.message}`).toMatch(/^[a-z0-9_]+: [A-Z].{10,}[.!]$/);
    }
  });

  it('retries only serialization failures and deadlocks', () => {
    expect(isRetryable({ code: '40001' })).toBe(true);
    expect(isRetryable(new Error('x', { cause: { code: '40P01' } }))).toBe(true);
    expect(isRetryable({ code: '23505' })).toBe(false);
    expect(appErrorOf(new Error('boom'))).toBeUndefined();
  });
});

describe('pgError', () => {
  it('ignores codes that are not SQLSTATEs', () => {
    expect(pgError({ code: 'ECONNREFUSED' })).toBeUndefined();
    expect(pgError(null)).toBeUndefined();
  });
});
