import { isRepeatedWallTime, zoneLabel } from '@/lib/time/format';
import { offsetChanges, offsetMinutesAt, wallClock } from '@/lib/time/offsets';

/**
 * A minimal RFC 5545 calendar for one chat. The UID is stable per chat and SEQUENCE grows with
 * every change, so calendars update the same entry; a cancellation is METHOD:CANCEL.
 */
export type TIcsInput = {
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  summary: string;
  description: string;
  url: string;
  /** Where the chat takes place: a room for an in-person chat, the call for a video chat. */
  location?: string | null;
  organizerEmail: string;
  attendees: string[];
  now?: Date;
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** A wall-clock reading (an instant shifted by an offset), as iCalendar's local form: 20261121T143000. */
function stampOf(shifted: number): string {
  const d = new Date(shifted);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** Wall-clock time of an instant in the zone, in iCalendar's local form. */
function localStamp(ms: number, timeZone: string): string {
  return stampOf(ms + offsetMinutesAt(ms, timeZone) * 60_000);
}

function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** Offset of the zone at an instant, as +HHMM. */
export function offsetAt(d: Date, timeZone: string): string {
  return offsetText(offsetMinutesAt(d.getTime(), timeZone));
}

function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** URI and mail-address values are not TEXT: a control character (a line break) is percent-encoded so it cannot start a property. */
function uriValue(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Lines longer than 75 octets are folded with CRLF + space (RFC 5545 §3.1), counting UTF-8
 * octets and cutting only between code points: a cut inside a surrogate pair would leave a
 * lone surrogate, which is not UTF-8 and which PostgreSQL rejects when the mail is stored.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/**
 * The zone's real observances for the years the chat touches: one for the offset in force on
 * 1 January, then one per change (DAYLIGHT when clocks go forward, STANDARD when back), each
 * starting at its local wall-clock time in the offset before it, as RFC 5545 §3.6.5 asks.
 */
function vtimezone(timeZone: string, startsAt: Date, endsAt: Date): string[] {
  const from = Date.UTC(wallClock(startsAt.getTime(), timeZone).year, 0, 1);
  const to = Date.UTC(wallClock(endsAt.getTime(), timeZone).year + 1, 0, 1);
  // Finding a year's changes takes ~1,500 offset lookups: every booking of the year shares them.
  const key = `${timeZone} ${from} ${to}`;
  let lines = vtimezones.get(key);
  if (!lines) {
    lines = observances(timeZone, from, to);
    vtimezones.set(key, lines);
  }
  return lines;
}

const vtimezones = new Map<string, string[]>();

function observances(timeZone: string, from: number, to: number): string[] {
  const changes = offsetChanges(from, to, timeZone);
  const first = offsetMinutesAt(from, timeZone);
  // On 1 January the zone keeps its standard time in the north, its summer time in the south.
  const firstIsDaylight = changes.length > 0 && changes[0]!.after < first;
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', at: number, before: number, after: number, start: string) => [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    `TZOFFSETFROM:${offsetText(before)}`,
    `TZOFFSETTO:${offsetText(after)}`,
    `TZNAME:${zoneLabel(timeZone, new Date(at))}`,
    `END:${kind}`,
  ];
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...observance(firstIsDaylight ? 'DAYLIGHT' : 'STANDARD', from, first, first, localStamp(from, timeZone)),
    // The onset is read in the offset before the change: 02:00 when Berlin springs forward, 03:00 when it falls back.
    ...changes.flatMap((c) => observance(c.after > c.before ? 'DAYLIGHT' : 'STANDARD', c.at, c.before, c.after, stampOf(c.at + c.before * 60_000))),
    'END:VTIMEZONE',
  ];
}

export function buildIcs(e: TIcsInput): string {
  // A wall-clock time that happens twice reads as its first occurrence in every calendar, and a
  // chat across a change would need two offsets: such chats are written in UTC.
  const inUtc =
    isRepeatedWallTime(e.startsAt, e.timeZone) ||
    isRepeatedWallTime(e.endsAt, e.timeZone) ||
    offsetMinutesAt(e.startsAt.getTime(), e.timeZone) !== offsetMinutesAt(e.endsAt.getTime(), e.timeZone);
  const when = (prop: string, d: Date) => (inUtc ? `${prop}:${utcStamp(d)}` : `${prop};TZID=${e.timeZone}:${localStamp(d.getTime(), e.timeZone)}`);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Fairground//1-1 chats//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${e.method}`,
    ...(inUtc ? [] : vtimezone(e.timeZone, e.startsAt, e.endsAt)),
    'BEGIN:VEVENT',
    `UID:${uriValue(e.uid)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utcStamp(e.now ?? new Date())}`,
    when('DTSTART', e.startsAt),
    when('DTEND', e.endsAt),
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    `URL:${uriValue(e.url)}`,
    `ORGANIZER:mailto:${uriValue(e.organizerEmail)}`,
    ...e.attendees.map((a) => `ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:${uriValue(a)}`),
    `STATUS:${e.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
