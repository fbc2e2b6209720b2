import { backoffDelay } from '@/components/live/backoff';

const top = () => 1 - Number.EPSILON;

describe('backoffDelay', () => {
  it('doubles from 1 s with each attempt', () => {
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, top))).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('caps at 30 s', () => {
    expect(backoffDelay(5, top)).toBe(30_000);
    expect(backoffDelay(50, top)).toBe(30_000);
  });

  it('treats a negative attempt as the first one', () => {
    expect(backoffDelay(-3, top)).toBe(1000);
  });

  it('jitters between 50% and 100% of the base delay', () => {
    expect(backoffDelay(2, () => 0)).toBe(2000);
    expect(backoffDelay(2, () => 0.5)).toBe(3000);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(3);
      expect(d).toBeGreaterThanOrEqual(4000);
      expect(d).toBeLessThanOrEqual(8000);
    }
  });
});
