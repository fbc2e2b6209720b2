import { AppError, pgError, toErrorBody } from '@/lib/errors';
import { EVENT_CONFLICTS } from '@/lib/events/schemas';

describe('toErrorBody', () => {
  it('passes an AppError through with its field errors', () => {
    const err = new AppError('invalid_input', 'Please correct the form.', { name: 'Too short' });
    expect(toErrorBody(err)).toEqual({ code: 'invalid_input', message: 'Please correct the form.', fieldErrors: { name: 'Too short' } });
  });

  it('leaves fieldErrors out when an AppError has none', () => {
    expect(toErrorBody(new AppError('forbidden', 'No.'))).toEqual({ code: 'forbidden', message: 'No.' });
  });

  it('maps a unique violation to conflict with the message for its constraint', () => {
    const err = Object.assign(new Error('duplicate key'), { code: '23505', constraint_name: 'events_slug_unique' });
    expect(toErrorBody(err, EVENT_CONFLICTS)).toEqual({ code: 'conflict', message: EVENT_CONFLICTS.events_slug_unique });
  });

  it('finds the database error inside the cause Drizzle wraps it in', () => {
    const pg = { code: '23505', constraint: 'event_days_event_date_unique' };
    const err = new Error('Failed query: insert into ...', { cause: pg });
    expect(toErrorBody(err, EVENT_CONFLICTS)).toEqual({ code: 'conflict', message: EVENT_CONFLICTS.event_days_event_date_unique });
  });

  it('maps an exclusion violation (23P01) to conflict with a generic message when the constraint is unknown', () => {
    const err = { code: '23P01', constraint_name: 'chats_no_overlap' };
    expect(toErrorBody(err, EVENT_CONFLICTS)).toEqual({ code: 'conflict', message: 'This conflicts with something that already exists.' });
  });

  it('maps a check violation to invalid_input', () => {
    expect(toErrorBody({ code: '23514' }).code).toBe('invalid_input');
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

describe('pgError', () => {
  it('ignores codes that are not SQLSTATEs', () => {
    expect(pgError({ code: 'ECONNREFUSED' })).toBeUndefined();
    expect(pgError(null)).toBeUndefined();
  });
});
