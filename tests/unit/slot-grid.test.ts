import { slotGrid } from '@/lib/chats/slot-grid';

describe('slotGrid', () => {
  it('fills the opening hours with whole slots in the event zone', () => {
    const grid = slotGrid({ date: '2026-11-22', opensAt: '09:00', closesAt: '10:40' }, 30, 'Europe/Berlin');
    expect(grid.map((s) => s.startsAt.toISOString())).toEqual(['2026-11-22T08:00:00.000Z', '2026-11-22T08:30:00.000Z', '2026-11-22T09:00:00.000Z']);
    expect(grid[2]!.endsAt.toISOString()).toBe('2026-11-22T09:30:00.000Z');
  });

  it('keeps wall-clock hours on the day clocks change', () => {
    // 29 March 2026: Berlin moves from +01:00 to +02:00 at 02:00.
    const grid = slotGrid({ date: '2026-03-29', opensAt: '09:00', closesAt: '10:00' }, 60, 'Europe/Berlin');
    expect(grid).toHaveLength(1);
    expect(grid[0]!.startsAt.toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });

  it('is empty when no slot fits', () => {
    expect(slotGrid({ date: '2026-11-22', opensAt: '09:00', closesAt: '09:10' }, 15, 'UTC')).toEqual([]);
  });
});

describe('slotGrid around clock changes (issue 9, item 2)', () => {
  it('does not lose the 03:00 slot when the day opens inside the spring gap', () => {
    const grid = slotGrid({ date: '2027-03-28', opensAt: '02:30', closesAt: '04:00' }, 30, 'Europe/Berlin');
    expect(grid.map((s) => s.startsAt.toISOString())).toEqual(['2027-03-28T01:00:00.000Z', '2027-03-28T01:30:00.000Z']);
  });

  it('offers the repeated autumn hour twice, as the real time it is', () => {
    const grid = slotGrid({ date: '2027-10-31', opensAt: '00:00', closesAt: '06:00' }, 30, 'Europe/Berlin');
    expect(grid).toHaveLength(14);
  });
});
