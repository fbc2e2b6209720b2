import { MAIN, assignedPlace, mayBeIn, placeKey } from '@/components/sessions/room/breakouts/room-switch';
import type { TBreakoutRound, TBreakoutView } from '@/components/sessions/room/breakouts/use-breakouts';

const A = 'room-a';
const B = 'room-b';
const rooms = [A, B].map((id, i) => ({ id, name: `Room ${i + 1}`, position: i + 1, memberCount: 1, members: [], present: [] }));
const round = (over: Partial<TBreakoutRound>): TBreakoutRound => ({ id: 'r', status: 'open', assignment: 'manual', openedAt: null, endsAt: null, myRoomId: null, rooms, unassigned: [], broadcasts: [], calls: [], ...over });
const view = (r: TBreakoutRound | null, canManage = false): TBreakoutView => ({ canManage, maxRooms: 10, serverNow: '', sessionEndsAt: '', round: r, skewMs: 0 });

describe('where the session room connects', () => {
  it('puts a participant in their room only while the round is open (so a reload lands there), else the main session', () => {
    expect(assignedPlace(view(round({ myRoomId: A })))).toEqual({ kind: 'breakout', roomId: A });
    expect(assignedPlace(view(round({ status: 'draft', myRoomId: A })))).toBe(MAIN);
    expect(assignedPlace(view(round({ myRoomId: null })))).toBe(MAIN);
    expect(assignedPlace(view(null))).toBe(MAIN);
    expect(placeKey({ kind: 'breakout', roomId: A })).toBe('breakout-room-a');
  });

  it('lets participants be only in their own room, hosts in any open room', () => {
    expect(mayBeIn(view(round({ myRoomId: A })), A)).toBe(true);
    expect(mayBeIn(view(round({ myRoomId: A })), B)).toBe(false);
    expect(mayBeIn(view(round({}), true), B)).toBe(true);
    expect(mayBeIn(view(round({ status: 'draft' }), true), B)).toBe(false);
    expect(mayBeIn(view(round({}), true), 'gone')).toBe(false);
    expect(mayBeIn(view(null, true), A)).toBe(false);
  });
});
