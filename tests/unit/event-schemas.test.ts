import { ALLOWED_DURATIONS, ZEventInput, isTimeZone } from '@/lib/events/schemas';

function validEvent(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Spring Fair',
    slug: 'spring-fair',
    description: 'Meet employers',
    timeZone: 'Europe/Berlin',
    status: 'draft',
    chatInitiation: 'both',
    talentRequestCredits: '3',
    recruiterRequestCredits: '10',
    days: [
      { date: '2026-04-01', mode: 'virtual', opensAt: '09:00', closesAt: '17:00', chatDurations: ['15', '30'] },
      { date: '2026-04-02', mode: 'in_person', opensAt: '10:00', closesAt: '12:30', chatDurations: [10] },
    ],
    ...overrides,
  };
}

function issuesOf(input: unknown) {
  const r = ZEventInput.safeParse(input);
  if (r.success) throw new Error('expected the input to be rejected');
  return r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function withDay(patch: Record<string, unknown>) {
  const e = validEvent();
  return { ...e, days: [{ ...e.days[0]!, ...patch }, e.days[1]!] };
}

describe('ZEventInput', () => {
  it('accepts a valid event with two days and coerces numbers', () => {
    const r = ZEventInput.parse(validEvent());
    expect(r.slug).toBe('spring-fair');
    expect(r.talentRequestCredits).toBe(3);
    expect(r.recruiterRequestCredits).toBe(10);
    expect(r.days).toHaveLength(2);
    expect(r.days[0]!.chatDurations).toEqual([15, 30]);
    expect(r.days[1]).toEqual({ date: '2026-04-02', mode: 'in_person', opensAt: '10:00', closesAt: '12:30', chatDurations: [10], location: null });
  });

  it('lowercases and trims the slug', () => {
    expect(ZEventInput.parse(validEvent({ slug: '  Spring-Fair ' })).slug).toBe('spring-fair');
  });

  it.each(['a', 'spring fair', 'spring--fair', '-spring', 'spring-', 'früh-jahr'])('rejects the slug %p', (slug) => {
    expect(issuesOf(validEvent({ slug })).some((i) => i.path === 'slug')).toBe(true);
  });

  it('rejects an unknown time zone', () => {
    expect(issuesOf(validEvent({ timeZone: 'Mars/Olympus' }))).toContainEqual({ path: 'timeZone', message: 'Pick a time zone from the list (an IANA name such as Europe/Berlin)' });
  });

  it('knows real zones and UTC', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Nowhere/City')).toBe(false);
  });

  // Issue 9, item 3: Node's Intl lists only the old aliases (Asia/Calcutta, Europe/Kiev).
  it.each([
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Asia/Kathmandu', 'Asia/Kathmandu'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['Etc/UTC', 'UTC'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['europe/berlin', 'Europe/Berlin'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
  ])('accepts the current IANA name %p and stores it as %p', (timeZone, stored) => {
    const parsed = ZEventInput.safeParse(validEvent({ timeZone }));
    expect(parsed.success && parsed.data.timeZone).toBe(stored);
  });

  it.each([
    ['equal to', '09:00'],
    ['before', '08:59'],
  ])('rejects a closing time %s the opening time', (_label, closesAt) => {
    expect(issuesOf(withDay({ opensAt: '09:00', closesAt }))).toContainEqual({
      path: 'days.0.closesAt',
      message: 'Closing time must be after opening time',
    });
  });

  it('rejects a day without chat durations', () => {
    expect(issuesOf(withDay({ chatDurations: [] }))).toContainEqual({ path: 'days.0.chatDurations', message: 'Pick at least one chat duration' });
  });

  it('rejects the same date twice', () => {
    const e = validEvent();
    const days = [e.days[0]!, { ...e.days[1]!, date: e.days[0]!.date }];
    expect(issuesOf({ ...e, days })).toContainEqual({ path: 'days.1.date', message: 'Each day may appear once' });
  });

  it('rejects a chat duration that is not allowed', () => {
    expect(ALLOWED_DURATIONS).not.toContain(7);
    const issues = issuesOf(withDay({ chatDurations: [15, 7] }));
    expect(issues.some((i) => i.path.startsWith('days.0.chatDurations'))).toBe(true);
  });

  it('rejects negative credits', () => {
    expect(issuesOf(validEvent({ talentRequestCredits: -1 }))).toContainEqual({ path: 'talentRequestCredits', message: 'Use 0 or more' });
    expect(issuesOf(validEvent({ recruiterRequestCredits: '-5' })).some((i) => i.path === 'recruiterRequestCredits')).toBe(true);
  });

  it('rejects an event without days', () => {
    expect(issuesOf(validEvent({ days: [] }))).toContainEqual({ path: 'days', message: 'Add at least one day' });
  });

  it.each([
    ['an empty string', ''],
    ['null', null],
    ['a missing value', undefined],
  ])('turns %s of recruiter credits into no limit (null)', (_label, value) => {
    expect(ZEventInput.parse(validEvent({ recruiterRequestCredits: value })).recruiterRequestCredits).toBeNull();
  });
});

describe('blank credits', () => {
  it('refuses blank talent credits instead of silently giving none', () => {
    expect(issuesOf(validEvent({ talentRequestCredits: '  ' }))).toContainEqual({ path: 'talentRequestCredits', message: 'Enter a number' });
  });

  it('reads blank recruiter credits, even whitespace, as no limit', () => {
    const r = ZEventInput.parse(validEvent({ recruiterRequestCredits: '   ' }));
    expect(r.recruiterRequestCredits).toBeNull();
  });
});
