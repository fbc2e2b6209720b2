import { breakoutResource, ROOMS_CLOSED, ROOMS_NOT_OPEN, type TBreakoutCtx, type TBreakoutRole } from '@/lib/breakouts/resource';
import { ZBreakoutAction } from '@/lib/breakouts/schemas';
import { evenSplit } from '@/lib/breakouts/split';
import type { TPermission } from '@/lib/resources/types';

const ctx = (status: 'draft' | 'open' | 'closed', cancelled = false) =>
  ({ room: { id: 'r' }, round: { id: 'x', status, endsAt: null }, session: { id: 's', eventId: 'e', cancelledAt: cancelled ? new Date() : null } }) as unknown as TBreakoutCtx;

describe('breakout room permissions', () => {
  const ALL: TPermission[] = ['view', 'thread.read', 'thread.post', 'thread.moderate', 'video.join', 'video.publish'];
  it.each<[TBreakoutRole, TPermission[]]>([
    ['host', ALL],
    ['member', ['view', 'thread.read', 'thread.post', 'video.join', 'video.publish']],
  ])('%s may do exactly %j (only hosts moderate a room chat)', (role, expected) => {
    expect(ALL.filter((p) => breakoutResource.permissions[role].includes(p))).toEqual(expected);
  });

  it('tokens only while the round is open, for hosts and members alike', () => {
    for (const role of ['host', 'member'] as const) {
      expect(breakoutResource.video!.joinRefusal(ctx('draft'), role, new Date())).toBe(ROOMS_NOT_OPEN);
      expect(breakoutResource.video!.joinRefusal(ctx('open'), role, new Date())).toBeNull();
      expect(breakoutResource.video!.joinRefusal(ctx('closed'), role, new Date())).toBe(ROOMS_CLOSED);
      expect(breakoutResource.video!.joinRefusal(ctx('open', true), role, new Date())).toMatch(/cancelled/);
    }
  });

  it('a closed round takes no more messages', () => {
    expect(breakoutResource.threadClosed!(ctx('open'))).toBeNull();
    expect(breakoutResource.threadClosed!(ctx('closed'))).toBe(ROOMS_CLOSED);
  });
});

describe('even split', () => {
  it('deals people out in turn: sizes differ by at most one, in a repeatable order', () => {
    const people = Array.from({ length: 11 }, (_, i) => `p${i}`);
    const split = evenSplit(people, ['a', 'b', 'c']);
    const sizes = ['a', 'b', 'c'].map((r) => split.filter((s) => s.roomId === r).length);
    expect(sizes).toEqual([4, 4, 3]);
    expect(split.filter((s) => s.roomId === 'a').map((s) => s.person)).toEqual(['p0', 'p3', 'p6', 'p9']);
    expect(evenSplit(people, ['a', 'b', 'c'])).toEqual(split);
    expect(evenSplit(people, [])).toEqual([]);
  });
});

describe('breakout actions input', () => {
  it('names default to "Room n", duplicate names and unknown actions are refused with a clear message', () => {
    const ok = ZBreakoutAction.parse({ action: 'create', roomCount: 3, names: ['Design', ''], assignment: 'manual' });
    expect(ok).toMatchObject({ names: ['Design', 'Room 2', 'Room 3'] });
    const dup = ZBreakoutAction.safeParse({ action: 'create', roomCount: 2, names: ['A', 'a'], assignment: 'manual' });
    expect(dup.success ? '' : dup.error.issues[0]!.message).toMatch(/Two rooms are called/);
    const bad = ZBreakoutAction.safeParse({ action: 'teleport' });
    expect(bad.success ? '' : bad.error.issues[0]!.message).toMatch(/Unknown breakout action/);
    const minutes = ZBreakoutAction.safeParse({ action: 'open', roundId: '6d3b7f1e-0e7a-4a57-9d59-1f6a0f1b2c3d', minutes: 500 });
    expect(minutes.success ? '' : minutes.error.issues[0]!.message).toBe('At most 120 minutes');
  });
});
