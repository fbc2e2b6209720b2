import { formatClock, formatDay, formatInstant, zonedInstant } from '@/lib/time/format';

describe('zonedInstant', () => {
  it('uses summer time on the day DST starts in Berlin', () => {
    expect(zonedInstant('2026-03-29', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('uses winter time the day before', () => {
    expect(zonedInstant('2026-03-28', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-03-28T08:00:00.000Z');
  });

  it('handles zones west of UTC and UTC itself', () => {
    expect(zonedInstant('2026-07-01', '09:30', 'America/New_York').toISOString()).toBe('2026-07-01T13:30:00.000Z');
    expect(zonedInstant('2026-07-01', '09:30', 'UTC').toISOString()).toBe('2026-07-01T09:30:00.000Z');
  });
});

describe('formatClock', () => {
  it('drops the seconds of a PostgreSQL time', () => {
    expect(formatClock('09:00:00')).toBe('09:00');
    expect(formatClock('17:45')).toBe('17:45');
  });
});

describe('formatInstant', () => {
  it('shows the same instant in the wall-clock time of each zone', () => {
    const at = new Date('2026-11-21T13:30:00Z');
    expect(formatInstant(at, 'Europe/Berlin')).toBe('Sat 21 Nov, 14:30');
    expect(formatInstant(at, 'America/Los_Angeles')).toBe('Sat 21 Nov, 05:30');
  });

  it('moves to the next day when the zone is past midnight', () => {
    expect(formatInstant(new Date('2026-11-21T23:30:00Z'), 'Asia/Tokyo')).toBe('Sun 22 Nov, 08:30');
  });
});

describe('formatDay', () => {
  it('formats a calendar date', () => {
    expect(formatDay('2026-11-21')).toBe('Sat 21 Nov 2026');
  });
});
