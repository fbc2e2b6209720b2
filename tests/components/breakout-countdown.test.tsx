import { act, render, screen } from '@testing-library/react';
import { BreakoutCountdown, formatRemaining, remainingMs, spokenRemaining, WARNING_MS } from '@/components/sessions/room/breakouts/countdown';

const T0 = Date.parse('2026-12-01T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('the breakout countdown', () => {
  it('counts on the server’s clock: this browser’s time plus its skew', () => {
    expect(remainingMs(iso(T0 + 90_000), 0, T0)).toBe(90_000);
    // The browser runs 30 s behind the server: 30 s of the 90 are already gone.
    expect(remainingMs(iso(T0 + 90_000), 30_000, T0)).toBe(60_000);
    // Ahead of the server: more time left than the browser's clock says.
    expect(remainingMs(iso(T0 + 90_000), -10_000, T0)).toBe(100_000);
    expect(remainingMs(iso(T0 - 5_000), 0, T0)).toBe(0);
    expect(remainingMs('not a date', 0, T0)).toBe(0);
  });

  it('shows whole seconds rounded up, with hours when needed', () => {
    expect(formatRemaining(65_000)).toBe('1:05');
    expect(formatRemaining(500)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(12 * 60_000)).toBe('12:00');
    expect(formatRemaining(3_723_000)).toBe('1:02:03');
    expect(spokenRemaining(65_000)).toBe('1 minute 5 seconds');
    expect(spokenRemaining(120_000)).toBe('2 minutes');
    expect(spokenRemaining(0)).toBe('0 seconds');
  });

  describe('on screen', () => {
    beforeEach(() => {
      jest.useFakeTimers();
      jest.setSystemTime(T0);
    });
    afterEach(() => jest.useRealTimers());

    it('ticks, warns in the last minute, and says when the time is up — once', () => {
      const onEnd = jest.fn();
      render(<BreakoutCountdown endsAtIso={iso(T0 + WARNING_MS + 2_000)} skewMs={0} onEnd={onEnd} />);
      expect(screen.getByRole('timer')).toHaveTextContent('1:02');
      expect(screen.queryByRole('alert')).toBeNull();
      act(() => void jest.advanceTimersByTime(3_000));
      expect(screen.getByRole('timer')).toHaveTextContent('0:59');
      expect(screen.getByRole('alert')).toHaveTextContent('Less than a minute left');
      expect(onEnd).not.toHaveBeenCalled();
      act(() => void jest.advanceTimersByTime(60_000));
      expect(screen.getByRole('timer')).toHaveTextContent('0:00');
      expect(screen.getByRole('timer')).toHaveAccessibleName('Time left in the breakout rooms: 0 seconds');
      expect(screen.queryByRole('alert')).toBeNull();
      expect(screen.getByRole('status')).toHaveTextContent('Time is up');
      act(() => void jest.advanceTimersByTime(10_000));
      expect(onEnd).toHaveBeenCalledTimes(1);
    });

    it('corrects a browser clock that is behind the server', () => {
      // The server says two minutes later than this browser: 2:30 left on the browser's clock is 0:30.
      render(<BreakoutCountdown endsAtIso={iso(T0 + 150_000)} skewMs={120_000} />);
      expect(screen.getByRole('timer')).toHaveTextContent('0:30');
      expect(screen.getByRole('alert')).toBeInTheDocument();
    });

    it('starts over when the hosts extend the rooms', () => {
      const onEnd = jest.fn();
      const { rerender } = render(<BreakoutCountdown endsAtIso={iso(T0 + 30_000)} skewMs={0} onEnd={onEnd} />);
      expect(screen.getByRole('alert')).toBeInTheDocument();
      rerender(<BreakoutCountdown endsAtIso={iso(T0 + 5 * 60_000 + 30_000)} skewMs={0} onEnd={onEnd} />);
      expect(screen.getByRole('timer')).toHaveTextContent('5:30');
      expect(screen.queryByRole('alert')).toBeNull();
    });
  });
});
