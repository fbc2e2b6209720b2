import { ZTopicList, topics } from '@/lib/live/topics';

const id = '3f2b8c1e-7d4a-4e2b-9c1a-0b5d6e7f8a9b';

describe('ZTopicList', () => {
  it('parses a comma-separated list of known topics', () => {
    expect(ZTopicList.parse(`event:${id},user:abc`)).toEqual([`event:${id}`, 'user:abc']);
    expect(ZTopicList.parse(`event-admin:${id},outbox,`)).toEqual([`event-admin:${id}`, 'outbox']);
  });

  it('matches what the topic builders produce', () => {
    expect(ZTopicList.parse([topics.event(id), topics.eventAdmin(id), topics.user('demo-talent-01'), topics.outbox].join(','))).toHaveLength(4);
    expect(ZTopicList.parse([topics.outboxOfEvent(id), topics.outboxReserved].join(','))).toEqual([`outbox-event:${id}`, 'outbox-reserved']);
    expect(ZTopicList.parse([topics.openRecruiters(id), topics.team(id, id)].join(','))).toEqual([`open-recruiters:${id}`, `team:${id}:${id}`]);
  });

  it.each(['event:not-a-uuid', 'chat:abc', 'user:', 'user:a b', `event:${id}x`, `team:${id}`, `team:${id}:`, `open-recruiters:${id}:${id}`])('rejects the unknown topic %p', (t) => {
    expect(ZTopicList.safeParse(`user:abc,${t}`).success).toBe(false);
  });

  it.each(['', ',,'])('rejects an empty list %p', (s) => {
    const r = ZTopicList.safeParse(s);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('subscribe to at least one topic');
  });

  it('accepts 50 topics and rejects 51', () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `user:u${i}`).join(',');
    expect(ZTopicList.safeParse(list(50)).success).toBe(true);
    const r = ZTopicList.safeParse(list(51));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('at most 50 topics');
  });
});
