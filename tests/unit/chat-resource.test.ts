import { chatResource, type TChatRole } from '@/lib/chats/resource';
import type { TCall } from '@/lib/chats/call';
import type { TPermission } from '@/lib/resources/types';

const startsAt = new Date('2027-05-03T10:00:00Z');
const endsAt = new Date('2027-05-03T10:30:00Z');
const call = (status: string, mode: 'virtual' | 'in_person' = 'virtual') =>
  ({
    chat: { id: 'c', eventId: 'e', status, startsAt, endsAt },
    event: { id: 'e', slug: 'f', name: 'F', timeZone: 'UTC', joinOpensMinutesBefore: 5, noShowGraceMinutes: 10 },
    mode,
  }) as unknown as TCall;
const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);

describe('1-1 chat permissions', () => {
  const ALL: TPermission[] = ['view', 'thread.read', 'thread.post', 'thread.moderate', 'video.join', 'video.publish'];
  it.each<[TChatRole, TPermission[]]>([
    ['talent', ['view', 'thread.read', 'thread.post', 'video.join', 'video.publish']],
    ['recruiter', ['view', 'thread.read', 'thread.post', 'video.join', 'video.publish']],
    ['colleague', ['view', 'thread.read', 'thread.post', 'video.join', 'video.publish']],
    ['company', ['view', 'thread.read']],
  ])('%s may do exactly %j (nobody moderates a private chat)', (role, expected) => {
    expect(ALL.filter((p) => chatResource.permissions[role].includes(p))).toEqual(expected);
  });
});

describe('joining a 1-1 chat call', () => {
  const refusal = (role: TChatRole, c: TCall, now: Date) => chatResource.video!.joinRefusal(c, role, now);
  it('opens five minutes before the start and closes at the end, for every role in the call', () => {
    for (const role of ['talent', 'recruiter', 'colleague'] as const) {
      expect(refusal(role, call('confirmed'), at(-6))).toMatch(/^The call opens at /);
      expect(refusal(role, call('confirmed'), at(-5))).toBeNull();
      expect(refusal(role, call('confirmed'), at(29))).toBeNull();
      expect(refusal(role, call('confirmed'), at(30))).toBe('This chat has ended; its call is closed.');
    }
  });
  it('is closed for a colleague not added, a chat not confirmed, and an in-person chat', () => {
    expect(refusal('company', call('confirmed'), at(0))).toMatch(/^Add yourself to this chat/);
    for (const status of ['pending', 'accepted', 'cancelled', 'completed', 'declined']) {
      expect(refusal('talent', call(status), at(0))).toBe(`This chat is ${status}, so its call is closed.`);
    }
    expect(refusal('talent', call('confirmed', 'in_person'), at(0))).toBe('This chat takes place in person, not on video.');
  });
  it('takes messages while confirmed or completed only', () => {
    expect(chatResource.threadClosed!(call('confirmed'))).toBeNull();
    expect(chatResource.threadClosed!(call('completed'))).toBeNull();
    expect(chatResource.threadClosed!(call('cancelled'))).toBe('This chat is cancelled; its messages are closed.');
  });
});
