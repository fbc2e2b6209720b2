import { format, parseISO } from 'date-fns';
import { offsetMinutesAt, wallClock } from './offsets';

// Building an Intl formatter costs far more than using one (a page formats dozens of times):
// keep one per locale and options. Few zones and locales occur; the bound only guards against
// a flood of odd ones.
const intlFormatters = new Map<string, Intl.DateTimeFormat>();
function intlFormatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = intlFormatters.get(key);
  if (!f) {
    if (intlFormatters.size >= 1000) intlFormatters.clear();
    f = new Intl.DateTimeFormat(locale, options);
    intlFormatters.set(key, f);
  }
  return f;
}

/** "Sat 21 Nov 2026" for a calendar date (no zone involved: a date is a date). */
export function formatDay(isoDate: string): string {
  return format(parseISO(isoDate), 'EEE d MMM yyyy');
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const two = (n: number) => String(n).padStart(2, '0');

/**
 * An instant's wall clock in a zone as the words these formats use ("Sat", "21", "Nov", "2026",
 * "14:30"), from one cached Intl formatter: a page writes dozens of times, and a zoned date
 * object per time costs far more.
 */
function wallWords(at: Date, timeZone: string) {
  const w = wallClock(at.getTime(), timeZone);
  return { weekday: WEEKDAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()]!, day: w.day, month: MONTHS[w.month - 1]!, year: w.year, clock: `${two(w.hour)}:${two(w.minute)}` };
}

/** The calendar day of an instant in a zone: "Sat 21 Nov 2026". */
export function formatDayOf(at: Date, timeZone: string): string {
  const w = wallWords(at, timeZone);
  return `${w.weekday} ${w.day} ${w.month} ${w.year}`;
}

/** "09:00" from a PostgreSQL time ("09:00:00"). */
export function formatClock(time: string): string {
  return time.slice(0, 5);
}

/**
 * An instant in a zone: "Sat 21 Nov, 14:30", or "14:30" with `{ withDay: false }`. A wall-clock
 * time that happens twice (the repeated hour when clocks go back) gets the zone's abbreviation
 * or offset, "Sun 31 Oct, 02:30 CEST" then "02:30 CET", so the two can be told apart; with
 * `{ withZone: true }` every time gets it ("Tue 1 Dec, 19:00 CET"), for text that travels
 * without the page's "(Europe/Berlin)" beside it, such as a picker's options.
 */
export function formatInstant(at: Date, timeZone: string, { withDay = true, withZone = false }: { withDay?: boolean; withZone?: boolean } = {}): string {
  const w = wallWords(at, timeZone);
  const text = withDay ? `${w.weekday} ${w.day} ${w.month}, ${w.clock}` : w.clock;
  return withZone || isRepeatedWallTime(at, timeZone) ? `${text} ${zoneLabel(timeZone, at)}` : text;
}

// A page names the zone of every slot it offers, the same slots on every request: remember the
// names per zone and instant (exact, bounded), as lib/time/offsets.ts does wall clocks.
const zoneLabels = new Map<string, string>();

/** The zone's short name at an instant, e.g. "CEST" or "GMT+5:30". */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  const key = `${timeZone}|${at.getTime()}`;
  let label = zoneLabels.get(key);
  if (label === undefined) {
    const part = intlFormatter('en-GB', { timeZone, timeZoneName: 'short' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    label = part?.value ?? timeZone;
    if (zoneLabels.size >= 20_000) zoneLabels.clear();
    zoneLabels.set(key, label);
  }
  return label;
}

// A zone changes its offset at most once in a day; comparing with a day before and after finds
// the change that could make this wall-clock time occur twice.
const DAY = 86_400_000;

/** True when the zone's clocks show this instant's wall-clock time twice (DST fall-back hour). */
export function isRepeatedWallTime(at: Date, timeZone: string): boolean {
  const t = at.getTime();
  const own = offsetMinutesAt(t, timeZone);
  for (const other of [offsetMinutesAt(t - DAY, timeZone), offsetMinutesAt(t + DAY, timeZone)]) {
    if (other === own) continue;
    // The same wall clock under the other offset, if that offset is in force then.
    const twin = t + (own - other) * 60_000;
    if (twin !== t && offsetMinutesAt(twin, timeZone) === other) return true;
  }
  return false;
}

/**
 * The instant at which a wall-clock time on a date happens in a zone. A time that does not
 * exist (inside the spring-forward gap, e.g. 02:30 in Berlin on the last Sunday of March) is
 * the moment the clocks jump, 03:00: the day then opens when it can, without losing its
 * first slot. A time that happens twice is its first occurrence, as RFC 5545 reads it too.
 */
export function zonedInstant(isoDate: string, time: string, timeZone: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Read the wall time with each offset in force around it; a reading is real if that offset
  // holds at the instant it gives. Two real readings: the repeated hour; none: the gap.
  const offsets = new Set([-DAY, 0, DAY].map((shift) => offsetMinutesAt(wall + shift, timeZone)));
  const readings = [...offsets].map((o) => wall - o * 60_000).sort((a, b) => a - b);
  const real = readings.find((t) => wall - offsetMinutesAt(t, timeZone) * 60_000 === t);
  if (real !== undefined) return new Date(real);
  // In the gap: the jump lies between the earliest and the latest reading.
  let lo = readings[0]!;
  let hi = readings[readings.length - 1]!;
  const before = offsetMinutesAt(lo, timeZone);
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (offsetMinutesAt(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

/**
 * The one way times are written for people: 24-hour clock, in the person's locale (undefined =
 * the runtime's), in a given zone. Every "14:05" and "Tue 1 Dec, 14:05" on screen comes from here.
 */
export function clockFormatter(timeZone?: string, locale?: string): Intl.DateTimeFormat {
  return intlFormatter(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** The calendar day of an instant in a zone, as 2026-12-01 (for comparing days). */
export function calendarDay(at: Date, timeZone: string): string {
  return intlFormatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Date and 24-hour time in the person's locale: "1 Dec 2026, 14:45". */
export function dateTimeFormatter(timeZone?: string, locale?: string): Intl.DateTimeFormat {
  return intlFormatter(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/**
 * An instant on the viewer's clock beside the event's: "16:30 GMT+1", and with the day
 * ("Thu 3 Dec, 00:30 GMT+9") when the viewer's calendar day differs from the event's, or always
 * with `{ withDay: true }` (both ends of a range that spans two of the viewer's days).
 */
export function viewerClockLabel(at: Date, eventZone: string, viewerZone: string, locale?: string, { withDay = false }: { withDay?: boolean } = {}): string {
  const sameDay = !withDay && calendarDay(at, eventZone) === calendarDay(at, viewerZone);
  return intlFormatter(locale, {
    timeZone: viewerZone,
    ...(sameDay ? {} : { weekday: 'short', day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(at);
}
