import { buildIcs, offsetAt } from '@/lib/chats/ics';

const base = {
  uid: 'chat-1@fairground',
  sequence: 0,
  method: 'REQUEST' as const,
  startsAt: new Date('2026-11-22T13:30:00Z'),
  endsAt: new Date('2026-11-22T14:00:00Z'),
  timeZone: 'Europe/Berlin',
  summary: 'Chat; with, commas',
  description: 'Line one\nLine two',
  url: 'https://fair.test/events/x/chats',
  organizerEmail: 'r@x.test',
  attendees: ['t@x.test', 'r@x.test'],
  now: new Date('2026-11-21T10:00:00Z'),
};

describe('buildIcs', () => {
  it('writes local times with the zone and a matching VTIMEZONE', () => {
    const ics = buildIcs(base);
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20261122T143000\r\n');
    expect(ics).toContain('DTEND;TZID=Europe/Berlin:20261122T150000\r\n');
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n');
    expect(ics).toContain('TZOFFSETTO:+0100');
    expect(ics).toContain('DTSTAMP:20261121T100000Z');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('escapes text and marks a cancellation', () => {
    const ics = buildIcs({ ...base, method: 'CANCEL', sequence: 3 });
    expect(ics).toContain('SUMMARY:Chat\\; with\\, commas');
    expect(ics).toContain('DESCRIPTION:Line one\\nLine two');
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:3');
  });

  it('folds long lines at 75 octets', () => {
    const ics = buildIcs({ ...base, description: 'x'.repeat(200) });
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics).toContain('\r\n x');
  });

  it('knows summer and winter offsets and zones west of UTC', () => {
    expect(offsetAt(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe('+0200');
    expect(offsetAt(new Date('2026-01-01T12:00:00Z'), 'America/New_York')).toBe('-0500');
    expect(offsetAt(new Date('2026-01-01T12:00:00Z'), 'Asia/Kolkata')).toBe('+0530');
  });
});
