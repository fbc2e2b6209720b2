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
  organizerEmail: string;
  attendees: string[];
  now?: Date;
};

function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Wall-clock time in the zone, as iCalendar's local form: 20261121T143000. */
// Building an Intl formatter costs far more than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

function localStamp(d: Date, timeZone: string): string {
  const p = Object.fromEntries(formatterFor(timeZone).formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
}

/** Offset of the zone at an instant, as +HHMM. */
export function offsetAt(d: Date, timeZone: string): string {
  return offsetOf(d, localStamp(d, timeZone));
}

// From a wall-clock stamp already formatted for the instant: formatting is the costly part.
function offsetOf(d: Date, local: string): string {
  const asUtc = Date.UTC(+local.slice(0, 4), +local.slice(4, 6) - 1, +local.slice(6, 8), +local.slice(9, 11), +local.slice(11, 13), +local.slice(13, 15));
  const minutes = Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded with CRLF + space, as RFC 5545 §3.1 asks. */
function fold(line: string): string {
  const out: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest) > 75) {
    let cut = 75;
    while (Buffer.byteLength(rest.slice(0, cut)) > 75) cut--;
    out.push(rest.slice(0, cut));
    rest = ' ' + rest.slice(cut);
  }
  out.push(rest);
  return out.join('\r\n');
}

export function buildIcs(e: TIcsInput): string {
  // One STANDARD component with the offset in force at the chat's start: exact for this event,
  // and it keeps the file self-contained for calendars that do not know the zone's rules.
  const startLocal = localStamp(e.startsAt, e.timeZone);
  const endLocal = localStamp(e.endsAt, e.timeZone);
  const start = offsetOf(e.startsAt, startLocal);
  const end = offsetOf(e.endsAt, endLocal);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Fairground//1-1 chats//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${e.method}`,
    'BEGIN:VTIMEZONE',
    `TZID:${e.timeZone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${start}`,
    `TZOFFSETTO:${start}`,
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utcStamp(e.now ?? new Date())}`,
    `DTSTART;TZID=${e.timeZone}:${startLocal}`,
    // A chat across a DST change (rare, at night) ends in UTC rather than with a wrong offset.
    end === start ? `DTEND;TZID=${e.timeZone}:${endLocal}` : `DTEND:${utcStamp(e.endsAt)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    `URL:${e.url}`,
    `ORGANIZER:mailto:${e.organizerEmail}`,
    ...e.attendees.map((a) => `ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:${a}`),
    `STATUS:${e.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
