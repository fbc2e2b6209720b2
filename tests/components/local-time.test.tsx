import { render, screen, waitFor } from '@testing-library/react';
import { LocalTime } from '@/components/ui/local-time';
import { dateTimeFormatter, zoneLabel } from '@/lib/time/format';

// Notifications and the outbox show when something happened on the viewer's clock, right beside
// times in the event's zone ("Wed 2 Dec, 10:00 (Europe/Berlin)"): the viewer's time names its zone.
describe('LocalTime', () => {
  it("names the viewer's zone after it swaps in their local time", async () => {
    const iso = '2026-12-01T19:35:00.000Z';
    render(<p data-testid="at"><LocalTime iso={iso} /></p>);
    const at = new Date(iso);
    const zone = zoneLabel(Intl.DateTimeFormat().resolvedOptions().timeZone, at);
    // render() runs the effect that swaps in local time: this is the text after hydration.
    await waitFor(() => expect(screen.getByTestId('at').textContent).toBe(`${dateTimeFormatter().format(at)} ${zone}`));
    expect(screen.getByTestId('at').querySelector('time')).toHaveAttribute('dateTime', iso);
  });
});
