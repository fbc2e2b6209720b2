import { buildIcs, foldLine, offsetAt, type TIcsInput } from '@/lib/chats/ics';

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

/** Content lines of a calendar, unfolded (RFC 5545 §3.1), as name → values. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
}
function unescapeText(v: string): string {
  return v.replace(/\\(n|N|;|,|\\)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
function valueOf(ics: string, prop: string): string[] {
  return unfold(ics)
    .filter((l) => l.startsWith(`${prop}:`) || l.startsWith(`${prop};`))
    .map((l) => l.slice(l.indexOf(':') + 1));
}

describe('buildIcs', () => {
  it('writes the LOCATION escaped as RFC 5545 TEXT, and none when there is no place', () => {
    const ics = buildIcs({ ...base, location: 'Hall B; booth 12, left\\right\nupstairs' });
    expect(ics).toContain('LOCATION:Hall B\\; booth 12\\, left\\\\right\\nupstairs\r\n');
    expect(valueOf(ics, 'LOCATION').map(unescapeText)).toEqual(['Hall B; booth 12, left\\right\nupstairs']);
    expect(valueOf(buildIcs(base), 'LOCATION')).toEqual([]);
    expect(valueOf(buildIcs({ ...base, location: null }), 'LOCATION')).toEqual([]);
  });

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

describe('buildIcs folding (issue 9, item 1)', () => {
  it('never cuts an emoji in the event name (the 🎓 that broke one booking in nine)', () => {
    for (let pad = 0; pad < 80; pad++) {
      const summary = `1-1 chat: ${'a'.repeat(pad)} (Fairground Demo Career Fair 🎓)`;
      const ics = buildIcs({ ...base, summary });
      expect(ics.isWellFormed()).toBe(true);
      expect(unescapeText(valueOf(ics, 'SUMMARY')[0]!)).toBe(summary);
    }
  });

  // A small deterministic generator, so a failure names its seed and can be replayed.
  function prng(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const pools = [
    [0x1f300, 0x1faff], // emoji (astral: surrogate pairs in UTF-16)
    [0x0300, 0x036f], // combining marks
    [0x4e00, 0x9fff], // CJK
    [0x0041, 0x007a], // Latin
    [0x00a0, 0x024f], // Latin supplements (2 octets)
    [0x10000, 0x1000f], // Linear B (4 octets)
    [0x20, 0x2f], // punctuation, including , ; and space
  ] as const;
  function randomText(rand: () => number, max: number): string {
    const len = Math.floor(rand() * max);
    let out = '';
    for (let i = 0; i < len; i++) {
      const r = rand();
      if (r < 0.03) out += ['\n', '\\', ';', ','][Math.floor(rand() * 4)];
      else {
        const [lo, hi] = pools[Math.floor(rand() * pools.length)]!;
        out += String.fromCodePoint(lo + Math.floor(rand() * (hi - lo + 1)));
      }
    }
    return out;
  }

  it('keeps every field intact and every line within 75 octets of UTF-8, for random Unicode', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = prng(seed);
      const input: TIcsInput = {
        ...base,
        uid: `chat-${randomText(rand, 30)}@fairground`.replace(/[\n\\;,]/g, 'x'),
        summary: randomText(rand, 120),
        description: randomText(rand, 300),
        url: `https://fair.test/${encodeURIComponent(randomText(rand, 40))}/${randomText(rand, 20).replace(/\n/g, '')}`,
        organizerEmail: `${randomText(rand, 20).replace(/\n/g, '')}@例え.テスト`,
        attendees: [`${randomText(rand, 25).replace(/\n/g, '')}@x.test`, 'r@x.test'],
      };
      const ics = buildIcs(input);
      const context = `seed ${seed}`;
      expect([context, ics.isWellFormed()]).toEqual([context, true]);
      expect([context, Buffer.from(ics, 'utf8').toString('utf8') === ics]).toEqual([context, true]);
      for (const line of ics.split('\r\n')) expect([context, Buffer.byteLength(line) <= 75]).toEqual([context, true]);
      // No bare CR or LF inside a line: each is a CRLF line end.
      expect([context, /\r(?!\n)|(?<!\r)\n/.test(ics)]).toEqual([context, false]);
      expect(unescapeText(valueOf(ics, 'SUMMARY')[0]!)).toBe(input.summary);
      expect(unescapeText(valueOf(ics, 'DESCRIPTION')[0]!)).toBe(input.description);
      expect(valueOf(ics, 'UID')).toEqual([input.uid]);
      expect(valueOf(ics, 'URL')).toEqual([input.url]);
      expect(valueOf(ics, 'ORGANIZER')).toEqual([`mailto:${input.organizerEmail}`]);
      expect(valueOf(ics, 'ATTENDEE')).toEqual(input.attendees.map((a) => `mailto:${a}`));
    }
  });

  it('folds before the octet that would pass 75, never inside a code point', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(40)}`);
    const lines = folded.split('\r\n');
    expect(lines[0]).toBe(`SUMMARY:${'é'.repeat(33)}`); // 8 + 66 octets; one more é would make 76
    expect(lines[1]).toBe(` ${'é'.repeat(7)}`);
  });
});

describe('buildIcs around clock changes (issue 9, item 2)', () => {
  const fallBack = { ...base, timeZone: 'Europe/Berlin' };

  it('writes the zone with its real daylight and standard observances for the event year', () => {
    const ics = buildIcs({ ...fallBack, startsAt: new Date('2027-07-01T08:00:00Z'), endsAt: new Date('2027-07-01T08:30:00Z') });
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270701T100000\r\n');
    expect(ics).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT',
    );
    expect(ics).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20271031T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD',
    );
  });

  it('knows southern zones begin the year in summer time', () => {
    const ics = buildIcs({ ...base, timeZone: 'Australia/Sydney', startsAt: new Date('2027-02-01T00:00:00Z'), endsAt: new Date('2027-02-01T00:30:00Z') });
    expect(ics).toMatch(/BEGIN:DAYLIGHT\r\nDTSTART:20270101T110000\r\nTZOFFSETFROM:\+1100\r\nTZOFFSETTO:\+1100/);
    expect(ics).toMatch(/BEGIN:STANDARD\r\nDTSTART:20270404T030000\r\nTZOFFSETFROM:\+1100\r\nTZOFFSETTO:\+1000/);
    expect(ics).toMatch(/BEGIN:DAYLIGHT\r\nDTSTART:20271003T020000\r\nTZOFFSETFROM:\+1000\r\nTZOFFSETTO:\+1100/);
  });

  it('writes chats in the repeated autumn hour in UTC, so the two 02:30s stay apart and each ends after it starts', () => {
    // 31 Oct 2027: Berlin shows 02:00–03:00 twice, first in CEST (00:00Z) and then in CET (01:00Z).
    const first = buildIcs({ ...fallBack, startsAt: new Date('2027-10-31T00:30:00Z'), endsAt: new Date('2027-10-31T01:00:00Z') });
    const second = buildIcs({ ...fallBack, startsAt: new Date('2027-10-31T01:30:00Z'), endsAt: new Date('2027-10-31T02:00:00Z') });
    expect(valueOf(first, 'DTSTART')).toEqual(['20271031T003000Z']);
    expect(valueOf(first, 'DTEND')).toEqual(['20271031T010000Z']);
    expect(valueOf(second, 'DTSTART')).toEqual(['20271031T013000Z']);
    expect(valueOf(second, 'DTEND')).toEqual(['20271031T020000Z']);
  });

  it('keeps local times for an unambiguous chat on the same night', () => {
    const ics = buildIcs({ ...fallBack, startsAt: new Date('2027-10-31T03:00:00Z'), endsAt: new Date('2027-10-31T03:30:00Z') });
    expect(unfold(ics)).toContain('DTSTART;TZID=Europe/Berlin:20271031T040000');
  });

  it('writes one standard observance for a zone without daylight saving', () => {
    const ics = buildIcs({ ...base, timeZone: 'Asia/Kolkata' });
    expect(ics).toContain('BEGIN:STANDARD\r\nDTSTART:20260101T053000\r\nTZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530');
    expect(ics).not.toContain('DAYLIGHT');
  });
});
