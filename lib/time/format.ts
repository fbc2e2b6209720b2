import { TZDate, tz } from '@date-fns/tz';
import { format, parseISO } from 'date-fns';

/** "Sat 21 Nov 2026" for a calendar date (no zone involved: a date is a date). */
export function formatDay(isoDate: string): string {
  return format(parseISO(isoDate), 'EEE d MMM yyyy');
}

/** "09:00" from a PostgreSQL time ("09:00:00"). */
export function formatClock(time: string): string {
  return time.slice(0, 5);
}

/** An instant in a zone: "Sat 21 Nov, 14:30". */
export function formatInstant(at: Date, timeZone: string): string {
  return format(at, 'EEE d MMM, HH:mm', { in: tz(timeZone) });
}

/** The zone's short name at an instant, e.g. "GMT+1". */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** The instant at which a wall-clock time on a date happens in a zone. */
export function zonedInstant(isoDate: string, time: string, timeZone: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime());
}
