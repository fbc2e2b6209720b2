import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { formatClock, formatDay, formatDayOf, formatInstant, isRepeatedWallTime, zonedInstant } from '@/lib/time/format';
import { wallClock } from '@/lib/time/offsets';

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

describe('the repeated autumn hour (issue 9, item 2)', () => {
  // 31 Oct 2027, Europe/Berlin: 02:00–03:00 happens first in CEST (+02:00), then in CET (+01:00).
  const slots = ['2027-10-31T00:00:00Z', '2027-10-31T00:30:00Z', '2027-10-31T01:00:00Z', '2027-10-31T01:30:00Z'].map((s) => new Date(s));

  it('tells the two 02:00s and 02:30s apart with the zone abbreviation', () => {
    expect(slots.map((s) => formatInstant(s, 'Europe/Berlin'))).toEqual([
      'Sun 31 Oct, 02:00 CEST',
      'Sun 31 Oct, 02:30 CEST',
      'Sun 31 Oct, 02:00 CET',
      'Sun 31 Oct, 02:30 CET',
    ]);
    expect(slots.map((s) => formatInstant(s, 'Europe/Berlin', { withDay: false }))).toEqual(['02:00 CEST', '02:30 CEST', '02:00 CET', '02:30 CET']);
  });

  it('adds nothing where a time happens once', () => {
    expect(formatInstant(new Date('2027-10-31T02:00:00Z'), 'Europe/Berlin')).toBe('Sun 31 Oct, 03:00');
    expect(formatInstant(new Date('2027-10-30T23:30:00Z'), 'Europe/Berlin', { withDay: false })).toBe('01:30');
    expect(formatInstant(new Date('2027-03-28T01:00:00Z'), 'Europe/Berlin', { withDay: false })).toBe('03:00');
    expect(isRepeatedWallTime(new Date('2027-11-07T06:30:00Z'), 'America/New_York')).toBe(true); // 01:30 EST
    expect(isRepeatedWallTime(new Date('2027-11-07T07:30:00Z'), 'America/New_York')).toBe(false);
  });
});

describe('the spring gap (issue 9, item 2)', () => {
  it('opens a day set to a time that does not exist at the moment the clocks jump', () => {
    // 28 Mar 2027, Europe/Berlin: 02:00–03:00 does not exist; 03:00 CEST is 01:00Z.
    expect(zonedInstant('2027-03-28', '02:30', 'Europe/Berlin').toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(zonedInstant('2027-03-28', '02:00', 'Europe/Berlin').toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(zonedInstant('2027-03-28', '03:00', 'Europe/Berlin').toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(zonedInstant('2027-03-14', '02:15', 'America/New_York').toISOString()).toBe('2027-03-14T07:00:00.000Z');
  });

  it('keeps the first occurrence of a repeated time', () => {
    expect(zonedInstant('2027-10-31', '02:30', 'Europe/Berlin').toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });
});

describe('formatInstant and formatDayOf write what date-fns writes for the zone', () => {
  it('agrees over a year of instants in zones east, west and off the hour, across DST changes', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC', 'Pacific/Chatham'];
    for (const zone of zones) {
      for (let t = Date.UTC(2026, 0, 1, 0, 7, 59); t < Date.UTC(2027, 0, 1); t += 37 * 3_600_000 + 13 * 60_000) {
        const at = new Date(t);
        expect(formatInstant(at, zone, { withDay: true }).slice(0, format(at, 'EEE d MMM, HH:mm', { in: tz(zone) }).length)).toBe(format(at, 'EEE d MMM, HH:mm', { in: tz(zone) }));
        expect(formatInstant(at, zone, { withDay: false }).slice(0, 5)).toBe(format(at, 'HH:mm', { in: tz(zone) }));
        expect(formatDayOf(at, zone)).toBe(format(at, 'EEE d MMM yyyy', { in: tz(zone) }));
      }
    }
  });
});

describe('remembered wall clocks (lib/time/offsets.ts)', () => {
  test('an instant read a second time, in its zone and in another, reads the same as the first time', () => {
    const at = Date.UTC(2026, 9, 25, 0, 30); // 02:30 CEST in Berlin, the repeated hour
    const first = [formatInstant(new Date(at), 'Europe/Berlin'), formatInstant(new Date(at), 'Asia/Kathmandu'), formatDayOf(new Date(at), 'America/Los_Angeles')];
    const again = [formatInstant(new Date(at), 'Europe/Berlin'), formatInstant(new Date(at), 'Asia/Kathmandu'), formatDayOf(new Date(at), 'America/Los_Angeles')];
    expect(again).toEqual(first);
    expect(first).toEqual(['Sun 25 Oct, 02:30 CEST', 'Sun 25 Oct, 06:15', 'Sat 24 Oct 2026']);
  });

  test('the parts handed out are shared, so they cannot be changed', () => {
    const w = wallClock(Date.UTC(2026, 0, 1), 'Europe/Berlin');
    expect(Object.isFrozen(w)).toBe(true);
    expect(wallClock(Date.UTC(2026, 0, 1), 'Europe/Berlin')).toBe(w);
    expect(w).toEqual({ year: 2026, month: 1, day: 1, hour: 1, minute: 0, second: 0 });
  });
});
