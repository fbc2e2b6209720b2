import { clockFormatter, dateTimeFormatter, viewerClockLabel } from '@/lib/time/format';

describe('one 24-hour format in the person’s locale', () => {
  const at = new Date('2026-12-01T13:45:12Z');

  it('writes the clock with 24 hours even in a locale that defaults to AM/PM', () => {
    expect(clockFormatter('UTC', 'en-US').format(at)).toBe('13:45');
    expect(dateTimeFormatter('UTC', 'en-US').format(at)).toBe('Dec 1, 2026, 13:45');
    expect(dateTimeFormatter('Europe/Berlin', 'en-GB').format(at)).toBe('1 Dec 2026, 14:45');
    expect(dateTimeFormatter('Europe/Berlin', 'de-DE').format(at)).toBe('1. Dez. 2026, 14:45');
  });
});

describe('viewerClockLabel', () => {
  it('gives only the time when the viewer is on the same calendar day', () => {
    expect(viewerClockLabel(new Date('2026-12-01T14:30:00Z'), 'Europe/Berlin', 'Europe/London', 'en-GB')).toBe('14:30 GMT');
  });

  it('names the day on request, for both ends of a range across two of the viewer’s days', () => {
    expect(viewerClockLabel(new Date('2026-12-01T22:45:00Z'), 'Europe/Berlin', 'UTC', 'en-GB', { withDay: true })).toBe('Tue 1 Dec, 22:45 UTC');
  });

  it('names the day when the viewer’s day differs from the event’s', () => {
    // 23:30 in Berlin is already the next morning in Tokyo.
    expect(viewerClockLabel(new Date('2026-12-01T22:30:00Z'), 'Europe/Berlin', 'Asia/Tokyo', 'en-GB')).toBe('Wed 2 Dec, 07:30 GMT+9');
  });
});
