import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ChatActionsProvider, type TChatActions } from '@/components/chats/chat-actions-context';
import { AvailabilityDay } from '@/components/chats/availability-day';
import type { TRecruiterDay } from '@/lib/chats/queries';

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn() }) }));

// 1 Dec 2026 in Berlin, open 08:00–12:00 with 30-minute chats: eight slots.
const view = (slots: TRecruiterDay['slots'] = []): TRecruiterDay => ({
  day: { id: 'd1', date: '2026-12-01', mode: 'virtual', recruitersChooseMode: false, opensAt: '08:00', closesAt: '12:00', chatDurations: [30] },
  durationMinutes: 30,
  mode: 'virtual',
  slots,
});

function renderDay(nowIso: string, v = view()) {
  const actions = { setAvailabilityAction: jest.fn() } as unknown as TChatActions;
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <ChatActionsProvider actions={actions}>
        <AvailabilityDay view={v} dayLabel="Tue 1 Dec" timeZone="Europe/Berlin" nowIso={nowIso} />
      </ChatActionsProvider>
    </QueryClientProvider>,
  );
}
const slotsGroup = () => screen.getByRole('group', { name: 'Slots on Tue 1 Dec' });
const slot = (hhmm: string) => within(slotsGroup()).queryByRole('button', { name: new RegExp(`^${hhmm}`) });

test('hours that have fully passed fold into one line the keyboard can open and close', () => {
  // 10:15 in Berlin: 08:00–09:30 (four slots) have passed; 10:00 has started, 10:30 is open.
  renderDay('2026-12-01T09:15:00.000Z');
  expect(slotsGroup()).toHaveTextContent('4 earlier slots have passed');
  expect(slot('08:00')).toBeNull();
  expect(slot('09:30')).toBeNull();
  // The hour that is still running stays, its started slot marked past.
  expect(slot('10:00')).toHaveTextContent('Past');
  expect(slot('10:30')).toHaveTextContent('Off');
  const show = screen.getByRole('button', { name: 'Show past slots on Tue 1 Dec' });
  expect(show).toHaveAttribute('aria-expanded', 'false');
  show.focus();
  fireEvent.click(show);
  expect(slot('08:00')).toHaveTextContent('Past');
  const hide = screen.getByRole('button', { name: 'Hide past slots on Tue 1 Dec' });
  expect(hide).toHaveAttribute('aria-expanded', 'true');
  expect(hide).toHaveFocus();
  fireEvent.click(hide);
  expect(slot('08:00')).toBeNull();
});

test('a booked chat in a past hour stays in view; a day not yet started folds nothing', () => {
  const { unmount } = renderDay('2026-12-01T10:15:00.000Z', view([{ startsAt: '2026-12-01T07:30:00.000Z', endsAt: '2026-12-01T08:00:00.000Z', bookedBy: 'Olga Garcia' }]));
  // 08:xx holds the booked 08:30 chat; only the 09:xx and 10:xx hours fold.
  expect(slotsGroup()).toHaveTextContent('4 earlier slots have passed');
  expect(slot('08:30')).toHaveTextContent('Booked · Olga Garcia');
  unmount();
  renderDay('2026-12-01T06:00:00.000Z');
  expect(screen.queryByText(/earlier slots? ha(s|ve) passed/)).toBeNull();
  expect(within(slotsGroup()).getAllByRole('button', { name: /^\d\d:\d\d/ })).toHaveLength(8);
});
