import { fireEvent, render, screen, within } from '@testing-library/react';
import { EarlierRoundsView, type TEarlierRound } from '@/components/sessions/room/breakouts/earlier-rounds';

const ZONE = 'Europe/Berlin';
const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00+01:00`).toISOString();
const first: TEarlierRound = {
  id: 'r1',
  openedAt: at('10:05'),
  closedAt: at('10:20'),
  rooms: [
    { id: 'a', name: 'Room 1', members: [{ id: 'u1', name: 'Ana Lind' }, { id: 'u2', name: 'Ben Garcia' }] },
    { id: 'b', name: 'Design', members: [] },
  ],
  calls: [
    { id: 'c1', roomName: 'Room 1', by: { id: 'u1', name: 'Ana Lind' }, at: at('10:08'), answeredAt: at('10:09'), answeredBy: 'Felix Braun' },
    { id: 'c2', roomName: 'Room 1', by: { id: 'u2', name: 'Ben Garcia' }, at: at('10:18'), answeredAt: null, answeredBy: null },
  ],
};
const second: TEarlierRound = { id: 'r2', openedAt: at('10:30'), closedAt: at('10:40'), rooms: [{ id: 'c', name: 'Room 1', members: [{ id: 'u3', name: 'Cleo Yilmaz' }] }], calls: [] };

describe('the hosts’ Earlier rounds', () => {
  it('says it is loading, then shows a load error with a way to try again, or that there are none yet', () => {
    const onRetry = jest.fn();
    const { rerender } = render(<EarlierRoundsView rounds={undefined} error={null} onRetry={onRetry} timeZone={ZONE} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading earlier rounds…');
    rerender(<EarlierRoundsView rounds={undefined} error="Could not reach the server." onRetry={onRetry} timeZone={ZONE} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Earlier rounds could not be loaded: Could not reach the server.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    rerender(<EarlierRoundsView rounds={[]} error={null} onRetry={onRetry} timeZone={ZONE} />);
    expect(screen.getByText('No earlier rounds yet: rooms you open and close show up here.')).toBeInTheDocument();
  });

  it('lists each round newest first, in the event’s time, with who was where and which calls went unanswered', () => {
    render(<EarlierRoundsView rounds={[second, first]} error={null} onRetry={jest.fn()} timeZone={ZONE} />);
    const rounds = within(screen.getByRole('list', { name: 'Earlier rounds' })).getAllByRole('listitem', { name: /^Round / });
    expect(rounds.map((r) => r.getAttribute('aria-label'))).toEqual(['Round 2, 10:30–10:40', 'Round 1, 10:05–10:20']);
    expect(rounds[0]).toHaveTextContent('Room 1: Cleo Yilmaz');
    expect(rounds[0]).toHaveTextContent('No calls to the host.');
    expect(rounds[1]).toHaveTextContent('Room 1: Ana Lind, Ben Garcia');
    expect(rounds[1]).toHaveTextContent('Design: nobody');
    const calls = within(rounds[1]!).getByRole('list', { name: 'Calls to the host, 1 not answered' });
    expect(within(calls).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '10:08 Ana Lind called from Room 1: Felix Braun joined at 10:09',
      '10:18 Ben Garcia called from Room 1: not answered',
    ]);
  });
});
