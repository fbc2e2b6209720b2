import { act, render, screen } from '@testing-library/react';
import { DayHours } from '@/components/events/day-hours';

function viewerIn(timeZone: string) {
  const real = Intl.DateTimeFormat.prototype.resolvedOptions;
  return jest.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (this: Intl.DateTimeFormat) {
    return { ...real.call(this), timeZone };
  });
}

afterEach(() => jest.restoreAllMocks());

test("a Berlin day from 00:00 to 23:45 seen from UTC names the viewer's day at both ends", async () => {
  viewerIn('UTC');
  // Tue 1 Dec 00:00–23:45 Berlin = Mon 30 Nov 23:00 – Tue 1 Dec 22:45 UTC.
  render(<DayHours opensAtIso="2026-11-30T23:00:00.000Z" closesAtIso="2026-12-01T22:45:00.000Z" opensAt="00:00" closesAt="23:45" eventZone="Europe/Berlin" />);
  await act(async () => {});
  expect(screen.getByText(/your time/).textContent).toMatch(/Mon.*30.*23:00 UTC – Tue.*1.*22:45 UTC your time/);
});

test('hours within one of the viewer’s days show just the clock', async () => {
  viewerIn('UTC');
  render(<DayHours opensAtIso="2026-12-02T08:00:00.000Z" closesAtIso="2026-12-02T16:00:00.000Z" opensAt="09:00" closesAt="17:00" eventZone="Europe/Berlin" />);
  await act(async () => {});
  expect(screen.getByText(/your time/).textContent).toBe(' · 08:00 UTC – 16:00 UTC your time');
});
