import { countedExcept, withoutTaken, type TOpenRecruitersShown } from '@/lib/chats/open-recruiters-hint';

// Applying a taken-slot hint to a talent's open-recruiter list must be idempotent: the same hint
// may come twice, or after a read that already left its slot out.
const R = 'recruiter-1';
const Q = 'recruiter-2';
const slot = (id: string) => ({ id, startsAt: '2026-12-02T10:00:00.000Z', endsAt: '2026-12-02T10:30:00.000Z', label: id }) as never;
const recruiter = (id: string, freeSlots: number) => ({ id, name: id, headline: null, company: 'Lumen', companySlug: 'lumen', bookingMode: 'direct' as const, details: [], customQuestion: '', freeSlots, pendingRequests: 0 });
const count = (l: TOpenRecruitersShown, id = R) => l.recruiters.find((r) => r.id === id)!.freeSlots;

describe('withoutTaken', () => {
  it('drops a read slot once, however often it is applied, and leaves a list that no longer has it alone', () => {
    const read: TOpenRecruitersShown = { recruiters: [recruiter(R, 3)], slots: { [R]: [slot('s1'), slot('s2'), slot('s3')] } };
    const once = withoutTaken(read, R, ['s2']);
    expect(count(once)).toBe(2);
    expect(withoutTaken(once, R, ['s2'])).toBe(once);
  });

  it('counts a slot off a recruiter whose slots were not read once, and each new slot once', () => {
    const counts: TOpenRecruitersShown = { recruiters: [recruiter(R, 3), recruiter(Q, 1)], slots: {} };
    const once = withoutTaken(counts, R, ['s2']);
    expect(count(once)).toBe(2);
    expect(withoutTaken(once, R, ['s2'])).toBe(once);
    const more = withoutTaken(once, R, ['s2', 's3', 's3']);
    expect(count(more)).toBe(1);
    expect(count(more, Q)).toBe(1);
    expect(more.counted).toEqual({ [R]: ['s2', 's3'] });
  });

  it('forgets what it counted off a recruiter once that recruiter is read', () => {
    expect(countedExcept({ [R]: ['s2'], [Q]: ['q1'] }, [Q])).toEqual({ [R]: ['s2'] });
    expect(countedExcept({ [R]: ['s2'] }, [R])).toBeUndefined();
    expect(countedExcept(undefined, [R])).toBeUndefined();
  });
});
