import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { BreakoutsPanelView, sessionEndLabel, type TBreakoutsPanelProps } from '@/components/sessions/room/breakouts/breakouts-panel';
import type { TBreakoutRound, TBreakoutView } from '@/components/sessions/room/breakouts/use-breakouts';

// The event's zone, far from the test runner's: the panel writes times in it.
const ZONE = 'Asia/Tokyo';
const ROUND = '00000000-0000-4000-8000-000000000001';
const R1 = '00000000-0000-4000-8000-0000000000a1';
const R2 = '00000000-0000-4000-8000-0000000000a2';
const ana = { id: 'u-ana', name: 'Ana Lind' };
const ben = { id: 'u-ben', name: 'Ben Garcia' };
const cleo = { id: 'u-cleo', name: 'Cleo Yilmaz' };

function round(over: Partial<TBreakoutRound> = {}): TBreakoutRound {
  return {
    id: ROUND,
    status: 'draft',
    assignment: 'auto_present',
    openedAt: null,
    endsAt: null,
    myRoomId: null,
    rooms: [
      { id: R1, name: 'Room 1', position: 1, memberCount: 2, members: [ana, ben], present: [] },
      { id: R2, name: 'Design', position: 2, memberCount: 0, members: [], present: [] },
    ],
    unassigned: [cleo],
    broadcasts: [],
    calls: [],
    ...over,
  };
}

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const view = (r: TBreakoutRound | null, maxRooms = 4, sessionEndsAt = inMinutes(120)): TBreakoutView => ({ canManage: true, maxRooms, serverNow: new Date().toISOString(), sessionEndsAt, round: r, skewMs: 0 });

function setup(over: Partial<TBreakoutsPanelProps> = {}) {
  const props: TBreakoutsPanelProps = {
    view: undefined,
    loadError: null,
    onRetry: jest.fn(),
    run: jest.fn(async () => true),
    busy: false,
    actionError: null,
    hereRoomId: null,
    onJoin: jest.fn(),
    timeZone: ZONE,
    ...over,
  };
  const utils = render(<BreakoutsPanelView {...props} />);
  return { ...props, ...utils };
}

describe('the hosts’ Breakouts panel', () => {
  it('says it is loading, then shows a load error with a way to try again', () => {
    const { rerender, onRetry, run } = setup();
    expect(screen.getByRole('status')).toHaveTextContent('Loading breakout rooms…');
    rerender(<BreakoutsPanelView view={undefined} loadError="Could not reach the server." onRetry={onRetry} run={run} busy={false} actionError={null} hereRoomId={null} onJoin={jest.fn()} timeZone={ZONE} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not reach the server.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('without rooms: creates them with names (blank ones get the default) and the chosen assignment', async () => {
    const { run } = setup({ view: view(null) });
    const form = screen.getByRole('form', { name: 'Create breakout rooms' });
    expect(within(form).getByText(/No breakout rooms yet/)).toBeInTheDocument();
    fireEvent.change(within(form).getByLabelText('Number of rooms (up to 4)'), { target: { value: '3' } });
    fireEvent.change(within(form).getByLabelText('Name of room 2'), { target: { value: ' Design ' } });
    fireEvent.click(within(form).getByRole('radio', { name: /Let participants choose/ }));
    await act(async () => void fireEvent.click(within(form).getByRole('button', { name: 'Create rooms' })));
    expect(run).toHaveBeenCalledWith({ action: 'create', roomCount: 3, names: ['Room 1', 'Design', 'Room 3'], assignment: 'choose' });
  });

  it('refuses more rooms than the organizer allows, saying the limit', () => {
    const { run } = setup({ view: view(null, 4) });
    fireEvent.change(screen.getByLabelText('Number of rooms (up to 4)'), { target: { value: '5' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Choose between 1 and 4 rooms.');
    expect(screen.getByRole('button', { name: 'Create rooms' })).toBeDisabled();
    expect(run).not.toHaveBeenCalled();
  });

  it('a draft: shows who goes where, moves a person only on Move, opens with minutes', async () => {
    const { run } = setup({ view: view(round()) });
    const room1 = screen.getByRole('group', { name: 'Room 1' });
    expect(within(room1).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringContaining('Ana Lind'), expect.stringContaining('Ben Garcia')]);
    expect(within(screen.getByRole('group', { name: 'Design' })).getByText('Nobody assigned yet.')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Not in a room' })).getByText('Cleo Yilmaz')).toBeInTheDocument();
    // Not open: nobody can join a room yet.
    expect(screen.queryByRole('button', { name: /^Join / })).toBeNull();

    const move = screen.getByRole('button', { name: 'Move Ben Garcia' });
    expect(move).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Room for Ben Garcia'), { target: { value: R2 } });
    expect(run).not.toHaveBeenCalled();
    await act(async () => void fireEvent.click(move));
    expect(run).toHaveBeenLastCalledWith({ action: 'assign', roundId: ROUND, userId: 'u-ben', roomId: R2 });
    // Back to the main session is a room choice too.
    fireEvent.change(screen.getByLabelText('Room for Ana Lind'), { target: { value: '' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Move Ana Lind' })));
    expect(run).toHaveBeenLastCalledWith({ action: 'assign', roundId: ROUND, userId: 'u-ana', roomId: null });

    fireEvent.change(screen.getByLabelText('Minutes (1–120)'), { target: { value: '1' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Open rooms' })));
    expect(run).toHaveBeenLastCalledWith({ action: 'open', roundId: ROUND, minutes: 1 });
  });

  it('an open round: countdown, join and "you are here", extend, broadcast, and close only after confirming', async () => {
    const endsAt = new Date(Date.now() + 10 * 60_000).toISOString();
    const open = round({ status: 'open', openedAt: new Date().toISOString(), endsAt, rooms: round().rooms.map((r) => (r.id === R1 ? { ...r, present: [ana] } : r)) });
    const { run, onJoin } = setup({ view: view(open), hereRoomId: R2 });
    expect(screen.getByRole('timer')).toHaveTextContent(/^(10:00|9:5\d)$/);
    const room1 = screen.getByRole('group', { name: 'Room 1' });
    expect(within(room1).getByText('Ana Lind').parentElement).toHaveTextContent('here');
    expect(within(room1).getByText('Ben Garcia').parentElement).toHaveTextContent('not here');
    fireEvent.click(within(room1).getByRole('button', { name: 'Join Room 1' }));
    expect(onJoin).toHaveBeenCalledWith(R1);
    expect(within(screen.getByRole('group', { name: 'Design' })).getByText('You are here')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Add minutes (1–60)'), { target: { value: '10' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Extend' })));
    expect(run).toHaveBeenLastCalledWith({ action: 'extend', roundId: ROUND, minutes: 10 });

    fireEvent.change(screen.getByLabelText('Message to all rooms'), { target: { value: 'Five minutes left, wrap up' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Send to all rooms' })));
    expect(run).toHaveBeenLastCalledWith({ action: 'broadcast', roundId: ROUND, body: 'Five minutes left, wrap up' });
    expect(screen.getByLabelText('Message to all rooms')).toHaveValue('');
    expect(screen.getByText(/every room sees it/)).toBeInTheDocument();

    (run as jest.Mock).mockClear();
    fireEvent.click(screen.getByRole('button', { name: 'Close all rooms now' }));
    expect(run).not.toHaveBeenCalled();
    const confirm = screen.getByRole('alertdialog', { name: 'Close all rooms now' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Close all rooms now' }));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Yes, close all rooms' })));
    expect(run).toHaveBeenCalledWith({ action: 'close', roundId: ROUND });
  });

  it('shows the server’s refusal of an action, and keeps the confirmation open when closing failed', async () => {
    const run = jest.fn(async () => false);
    setup({ view: view(round({ status: 'open', endsAt: new Date(Date.now() + 60_000).toISOString() })), run, actionError: 'The breakout rooms are closed.' });
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('The breakout rooms are closed.');
    fireEvent.click(screen.getByRole('button', { name: 'Close all rooms now' }));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Yes, close all rooms' })));
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
  });
  it('never promises more time than the session has: the minutes say when the rooms will close instead', async () => {
    const sessionEndsAt = inMinutes(12);
    const at = sessionEndLabel(sessionEndsAt, ZONE);
    expect(at).toBe(new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(sessionEndsAt)));
    const { run, rerender } = setup({ view: view(round(), 4, sessionEndsAt) });
    // The default 15 minutes would outlast the session: the form says so before the host opens.
    const minutes = screen.getByLabelText('Minutes (1–120)');
    expect(screen.getByRole('status')).toHaveTextContent(`The rooms will close at ${at}, when the session ends.`);
    fireEvent.change(minutes, { target: { value: '10' } });
    expect(minutes).toHaveAccessibleDescription(`The session ends at ${at}; the rooms close then at the latest.`);
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.change(minutes, { target: { value: '15' } });
    expect(screen.getByRole('status')).toHaveTextContent(`The rooms will close at ${at}, when the session ends.`);
    // Still the host's choice: the server stops the timer at the session's end.
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Open rooms' })));
    expect(run).toHaveBeenLastCalledWith({ action: 'open', roundId: ROUND, minutes: 15 });

    // Open until 5 minutes from now: adding 5 fits, adding 10 runs into the session's end.
    const props = { loadError: null, onRetry: jest.fn(), run, busy: false, actionError: null, hereRoomId: null, onJoin: jest.fn(), timeZone: ZONE };
    rerender(<BreakoutsPanelView {...props} view={view(round({ status: 'open', endsAt: inMinutes(5) }), 4, sessionEndsAt)} />);
    const add = screen.getByLabelText('Add minutes (1–60)');
    expect(add).toHaveAccessibleDescription(`The session ends at ${at}; the rooms close then at the latest.`);
    fireEvent.change(add, { target: { value: '10' } });
    expect(screen.getByRole('status')).toHaveTextContent(`The rooms will close at ${at}, when the session ends.`);

    // Already open until the session's end: nothing to extend, and the panel says why.
    rerender(<BreakoutsPanelView {...props} view={view(round({ status: 'open', endsAt: sessionEndsAt }), 4, sessionEndsAt)} />);
    expect(screen.queryByRole('button', { name: 'Extend' })).toBeNull();
    expect(screen.getByText(`The rooms stay open until the session ends at ${at}; they cannot run longer.`)).toBeInTheDocument();

    // A session that is over opens no rooms; only discarding them is left.
    rerender(<BreakoutsPanelView {...props} view={view(round(), 4, inMinutes(-1))} />);
    expect(screen.queryByRole('button', { name: 'Open rooms' })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent(/^The session ended at \d\d:\d\d: these rooms cannot open any more\.$/);
    expect(screen.getByRole('button', { name: 'Discard these rooms' })).toBeEnabled();
  });

  it('keyboard: Escape or Cancel leaves the close confirmation and puts focus back on its button', () => {
    const { run } = setup({ view: view(round({ status: 'open', endsAt: inMinutes(10) })) });
    fireEvent.click(screen.getByRole('button', { name: 'Close all rooms now' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Close all rooms now' });
    expect(confirm).toHaveAccessibleDescription('Close every breakout room now? Everyone returns to the main session.');
    expect(within(confirm).getByRole('button', { name: 'Yes, close all rooms' })).toHaveFocus();
    fireEvent.keyDown(within(confirm).getByRole('button', { name: 'Yes, close all rooms' }), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Close all rooms now' })).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'Close all rooms now' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Close all rooms now' })).toHaveFocus();
    expect(run).not.toHaveBeenCalled();
  });

  it('keyboard: focus lands on the new rooms after creating them, and on the person’s room picker after a move', async () => {
    const { run, rerender } = setup({ view: view(null) });
    const props = { loadError: null, onRetry: jest.fn(), run, busy: false, actionError: null, hereRoomId: null, onJoin: jest.fn(), timeZone: ZONE };
    const create = screen.getByRole('button', { name: 'Create rooms' });
    create.focus();
    await act(async () => void fireEvent.click(create));
    // The form is gone with its button; the draft takes its place and gets the focus.
    rerender(<BreakoutsPanelView {...props} view={view(round())} />);
    expect(screen.getByText('Not open yet.').parentElement).toHaveFocus();

    fireEvent.change(screen.getByLabelText('Room for Cleo Yilmaz'), { target: { value: R2 } });
    screen.getByRole('button', { name: 'Move Cleo Yilmaz' }).focus();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Move Cleo Yilmaz' })));
    const moved = round();
    moved.rooms[1] = { ...moved.rooms[1]!, memberCount: 1, members: [cleo] };
    rerender(<BreakoutsPanelView {...props} view={view({ ...moved, unassigned: [] })} />);
    const picker = within(screen.getByRole('group', { name: 'Design' })).getByLabelText('Room for Cleo Yilmaz');
    expect(picker).toHaveFocus();
  });

  it('keyboard: after closing, focus lands on the create form even when the view showed it before the answer came', async () => {
    const props = { loadError: null, onRetry: jest.fn(), busy: false, actionError: null, hereRoomId: null, onJoin: jest.fn(), timeZone: ZONE };
    let rerender: (ui: React.ReactElement) => void = () => {};
    // The server's answer arrives after the view was read again (as useBreakoutAction does it).
    const run = jest.fn(async () => {
      rerender(<BreakoutsPanelView {...props} run={run} view={view(null)} />);
      return true;
    });
    ({ rerender } = setup({ view: view(round({ status: 'open', endsAt: inMinutes(10) })), run }));
    fireEvent.click(screen.getByRole('button', { name: 'Close all rooms now' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Yes, close all rooms' }));
      await new Promise((r) => requestAnimationFrame(r));
    });
    expect(screen.getByText(/^No breakout rooms yet/)).toHaveFocus();
  });
});
