import { canCreateEvent } from '@/lib/events/permissions';

describe('canCreateEvent', () => {
  it('allows admins only', () => {
    expect(canCreateEvent({ id: 'u1', isAdmin: true })).toBe(true);
    expect(canCreateEvent({ id: 'u2', isAdmin: false })).toBe(false);
    expect(canCreateEvent(null)).toBe(false);
  });
});
