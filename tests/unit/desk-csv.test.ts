import { csvField, toCsv } from '@/lib/desks/desk-report';

describe('desk report CSV', () => {
  test('quotes commas, quotes and line breaks', () => {
    expect(csvField('Visa; Work permit')).toBe('Visa; Work permit');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  test('a cell a spreadsheet would run as a formula is defused', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+49 170')).toBe("'+49 170");
    expect(csvField('-1')).toBe("'-1");
  });

  test('empty values and dates', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(new Date('2026-12-01T10:00:00Z'))).toBe('2026-12-01T10:00:00.000Z');
    expect(toCsv([['a', 1], ['b', null]])).toBe('a,1\r\nb,\r\n');
  });
});
