import { canonicalTimeZone, listTimeZones, zoneOptionLabel } from '@/lib/time/zones';

describe('time zone choices (issue 9, item 3)', () => {
  const ids = listTimeZones(new Date('2027-01-15T12:00:00Z')).map((z) => z.id);

  it('offers the current IANA names, not the old aliases', () => {
    expect(ids).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Asia/Kathmandu', 'Europe/Kyiv', 'Asia/Ho_Chi_Minh', 'America/Nuuk', 'UTC']));
    expect(ids).not.toEqual(expect.arrayContaining(['Asia/Calcutta']));
    for (const old of ['Asia/Calcutta', 'Asia/Katmandu', 'Europe/Kiev', 'Asia/Saigon', 'America/Godthab']) expect(ids).not.toContain(old);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('UTC');
  });

  it('offers only names that resolve to themselves, so a stored choice is shown selected again', () => {
    for (const id of ids) expect(canonicalTimeZone(id)).toBe(id);
  });

  it('labels each zone with its city, its name and its offset', () => {
    expect(zoneOptionLabel('Asia/Kolkata', new Date('2027-01-15T12:00:00Z'))).toBe('Kolkata — Asia (India Standard Time, UTC+05:30)');
    expect(zoneOptionLabel('America/New_York', new Date('2027-01-15T12:00:00Z'))).toBe('New York — America (Eastern Time, UTC−05:00)');
  });

  it('refuses what Intl refuses', () => {
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
  });
});
