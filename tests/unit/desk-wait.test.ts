import { DEFAULT_CONVERSATION_MINUTES, estimateWaitMinutes } from '@/lib/desks/wait';

describe('estimated desk wait', () => {
  test('without history each conversation counts as the default length', () => {
    expect(estimateWaitMinutes(1, 1, [])).toBe(DEFAULT_CONVERSATION_MINUTES);
    expect(estimateWaitMinutes(3, 1, [])).toBe(3 * DEFAULT_CONVERSATION_MINUTES);
  });

  test('more places shorten the wait; it never shows less than a minute', () => {
    expect(estimateWaitMinutes(6, 3, [10, 10, 10])).toBe(20);
    expect(estimateWaitMinutes(1, 30, [2])).toBe(1);
  });

  test('one hours-long conversation does not inflate the estimate (median, not mean)', () => {
    expect(estimateWaitMinutes(2, 1, [4, 5, 6, 240, 5])).toBe(10);
  });

  test('no moderators: no estimate; admitted: no wait', () => {
    expect(estimateWaitMinutes(2, 0, [5])).toBeNull();
    expect(estimateWaitMinutes(0, 2, [5])).toBe(0);
  });
});
