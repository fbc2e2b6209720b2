import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { BreakoutBar, BreakoutNotice, BroadcastBanner, HostCalls } from '@/components/sessions/room/breakouts/breakout-bar';
import { MAIN, RoomSwitchProvider, type TPlace } from '@/components/sessions/room/breakouts/room-switch';
import { viewKey, type TBreakoutRound, type TBreakoutView } from '@/components/sessions/room/breakouts/use-breakouts';

const SESSION = '00000000-0000-4000-8000-000000000009';
const ROUND = '00000000-0000-4000-8000-000000000001';
const R1 = '00000000-0000-4000-8000-0000000000a1';
const R2 = '00000000-0000-4000-8000-0000000000a2';
const rooms = [
  { id: R1, name: 'Room 1', position: 1, memberCount: 2, members: [], present: [] },
  { id: R2, name: 'Garden', position: 2, memberCount: 1, members: [], present: [] },
];
const round = (over: Partial<TBreakoutRound> = {}): TBreakoutRound => ({
  id: ROUND, status: 'open', assignment: 'auto_present', openedAt: null, endsAt: new Date(Date.now() + 5 * 60_000).toISOString(), myRoomId: R1, rooms, unassigned: [], broadcasts: [], calls: [], ...over,
});

/** Renders with the view already read (no server), and records where the room was sent and what was posted. */
function setup(ui: ReactNode, view: Partial<TBreakoutView> & { round: TBreakoutRound | null }, place: TPlace = MAIN, sessionId = SESSION) {
  const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  qc.setQueryData(viewKey(sessionId), { canManage: false, maxRooms: 10, serverNow: new Date().toISOString(), skewMs: 0, ...view });
  const goTo = jest.fn();
  const posted: unknown[] = [];
  global.fetch = jest.fn(async (_url: string, init?: RequestInit) => {
    if (init?.method === 'POST') posted.push(JSON.parse(String(init.body)));
    const body = init?.method === 'POST' ? { ok: true, callId: 'c1', roomId: R2 } : { ok: true, ...qc.getQueryData(viewKey(SESSION))! };
    return { ok: true, status: 200, json: async () => body } as Response;
  }) as unknown as typeof fetch;
  render(
    <QueryClientProvider client={qc}>
      <RoomSwitchProvider value={{ place, goTo }}>{ui}</RoomSwitchProvider>
    </QueryClientProvider>,
  );
  return { goTo, posted };
}

const realFetch = global.fetch;
afterAll(() => {
  global.fetch = realFetch;
});

describe('breakout rooms as a participant sees them', () => {
  it('in the main session while rooms are open: their room, the countdown, and the way in', () => {
    const { goTo } = setup(<BreakoutNotice sessionId={SESSION} />, { round: round() });
    const bar = screen.getByRole('region', { name: 'Breakout rooms' });
    expect(bar).toHaveTextContent('Breakout rooms are open: yours is Room 1.');
    expect(within(bar).getByRole('timer')).toHaveTextContent(/^(5:00|4:5\d)$/);
    fireEvent.click(within(bar).getByRole('button', { name: 'Go to Room 1' }));
    expect(goTo).toHaveBeenCalledWith({ kind: 'breakout', roomId: R1 });
  });

  it('before the rooms open: where they will go, and no way in yet', () => {
    setup(<BreakoutNotice sessionId={SESSION} />, { round: round({ status: 'draft', endsAt: null }) });
    expect(screen.getByRole('region', { name: 'Breakout rooms' })).toHaveTextContent('you will join Room 1');
    expect(screen.queryByRole('button', { name: /^Go to/ })).toBeNull();
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('not assigned: stays in the main session', () => {
    setup(<BreakoutNotice sessionId={SESSION} />, { round: round({ myRoomId: null }) });
    expect(screen.getByRole('region', { name: 'Breakout rooms' })).toHaveTextContent('you stay in the main session');
    expect(screen.queryByRole('button', { name: /^Go to/ })).toBeNull();
  });

  it('without breakout rooms nothing shows', () => {
    // A session whose rooms this page never saw open (the page remembers that per session).
    const fresh = '00000000-0000-4000-8000-00000000000f';
    setup(<BreakoutNotice sessionId={fresh} />, { round: null }, MAIN, fresh);
    expect(screen.queryByRole('region', { name: 'Breakout rooms' })).toBeNull();
  });

  it('when hosts let participants choose: a room picker that posts the choice', async () => {
    const { posted } = setup(<BreakoutNotice sessionId={SESSION} />, { round: round({ assignment: 'choose', myRoomId: null }) });
    const form = screen.getByRole('form', { name: 'Choose your breakout room' });
    expect(within(form).getByRole('button', { name: 'Choose' })).toBeDisabled();
    fireEvent.change(within(form).getByLabelText('Your room'), { target: { value: R2 } });
    await act(async () => void fireEvent.click(within(form).getByRole('button', { name: 'Choose' })));
    expect(posted).toEqual([{ action: 'choose', roundId: ROUND, roomId: R2 }]);
  });

  it('in their room: its name, the countdown, back to the main session, and "Call the host" once', async () => {
    const { goTo, posted } = setup(<BreakoutBar sessionId={SESSION} room={rooms[0]} />, { round: round() }, { kind: 'breakout', roomId: R1 });
    const bar = screen.getByRole('region', { name: 'Breakout room' });
    expect(bar).toHaveTextContent('Room 1');
    fireEvent.click(within(bar).getByRole('button', { name: 'Return to main session' }));
    expect(goTo).toHaveBeenCalledWith(MAIN);
    await act(async () => void fireEvent.click(within(bar).getByRole('button', { name: 'Call the host' })));
    expect(posted).toEqual([{ action: 'call_host', roundId: ROUND }]);
    // The mutation settles a few microtasks after the click: wait for its outcome rather than assume it.
    expect(await within(bar).findByRole('button', { name: 'Host called' })).toBeDisabled();
    expect(within(bar).getByRole('status')).toHaveTextContent('The hosts see your call');
  });

  it('a host visiting a room has no "Call the host"', () => {
    setup(<BreakoutBar sessionId={SESSION} room={rooms[1]} />, { canManage: true, round: round({ myRoomId: null }) }, { kind: 'breakout', roomId: R2 });
    expect(screen.queryByRole('button', { name: 'Call the host' })).toBeNull();
  });

  it('the hosts’ newest message shows as a banner until dismissed', () => {
    setup(<BroadcastBanner sessionId={SESSION} />, {
      round: round({ broadcasts: [{ id: 'b2', body: 'Two minutes left', at: new Date().toISOString(), by: 'Felix Braun' }, { id: 'b1', body: 'Welcome', at: new Date().toISOString(), by: 'Felix Braun' }] }),
    });
    const banner = screen.getByRole('status', { name: 'Message from the hosts' });
    expect(banner).toHaveTextContent('Felix Braun to all rooms: Two minutes left');
    fireEvent.click(within(banner).getByRole('button', { name: 'Dismiss the hosts’ message' }));
    expect(screen.queryByRole('status', { name: 'Message from the hosts' })).toBeNull();
  });

  it('hosts see calls from the rooms and join the caller’s room', async () => {
    // The call's time is on the event's 24-hour clock, like every time on the page.
    const { goTo, posted } = setup(<HostCalls sessionId={SESSION} timeZone="Asia/Tokyo" />, {
      canManage: true,
      round: round({ myRoomId: null, calls: [{ id: '00000000-0000-4000-8000-0000000000c1', roomId: R2, roomName: 'Garden', by: { id: 'u1', name: 'Carla Yilmaz' }, at: '2026-12-01T12:05:00Z' }] }),
    });
    const calls = screen.getByRole('region', { name: 'Calls from breakout rooms' });
    expect(calls).toHaveTextContent('Carla Yilmaz in Garden · 21:05');
    await act(async () => void fireEvent.click(within(calls).getByRole('button', { name: 'Join Garden' })));
    expect(posted).toEqual([{ action: 'answer_call', callId: '00000000-0000-4000-8000-0000000000c1' }]);
    expect(goTo).toHaveBeenCalledWith({ kind: 'breakout', roomId: R2 });
  });

  it('after the rooms close, the main session says so until dismissed; a new round clears it', () => {
    const qc = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    const base = { canManage: false, maxRooms: 10, serverNow: new Date().toISOString(), sessionEndsAt: new Date(Date.now() + 3600_000).toISOString(), skewMs: 0 };
    qc.setQueryData(viewKey(SESSION), { ...base, round: round() });
    const ui = (
      <QueryClientProvider client={qc}>
        <RoomSwitchProvider value={{ place: { kind: 'breakout', roomId: R1 }, goTo: jest.fn() }}>
          <BreakoutBar sessionId={SESSION} room={rooms[0]} />
        </RoomSwitchProvider>
      </QueryClientProvider>
    );
    const { unmount } = render(ui);
    unmount();
    // Back in the main session (a new mount), the round is gone.
    qc.setQueryData(viewKey(SESSION), { ...base, round: null });
    render(
      <QueryClientProvider client={qc}>
        <RoomSwitchProvider value={{ place: MAIN, goTo: jest.fn() }}>
          <BreakoutNotice sessionId={SESSION} />
        </RoomSwitchProvider>
      </QueryClientProvider>,
    );
    const bar = screen.getByRole('region', { name: 'Breakout rooms' });
    expect(within(bar).getByRole('status')).toHaveTextContent('The breakout rooms have closed: everyone is back in the main session.');
    fireEvent.click(within(bar).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Breakout rooms' })).toBeNull();
  });
});
