import { act, render, screen, waitFor } from '@testing-library/react';
import { useOpenRecruiters } from '@/components/chats/use-chat-reads';
import { Providers } from '@/components/live/live-provider';
import type { TOpenRecruiters } from '@/lib/chats/open-recruiters';

// The talent 1-1 chats page's list of open recruiters under live hints: a hint naming the slot a
// booking took drops it from the cached list without any request; one asking for a reread reads
// that recruiter. jsdom has no EventSource: a fake lets the test send the stream's events.
type TFake = { url: string; listeners: Map<string, (msg: { data: string }) => void>; onerror: (() => void) | null; onmessage: ((msg: { data: string }) => void) | null };

const EVENT = '00000000-0000-4000-8000-0000000000e1';
const TOPIC = `open-recruiters:${EVENT}`;
const R = 'recruiter-1';
const slot = (id: string, h: number) => ({ id, startsAt: `2026-12-02T${h}:00:00.000Z`, endsAt: `2026-12-02T${h}:30:00.000Z`, label: `slot ${id}` });
const listOf = (ids: string[]): TOpenRecruiters => ({
  recruiters: [{ id: R, name: 'Ruth Meyer', headline: null, company: 'Lumen Energy', companySlug: 'lumen', bookingMode: 'direct', details: [], customQuestion: '', freeSlots: ids.length, pendingRequests: 0 }],
  slots: { [R]: ids.map((id, i) => slot(id, 10 + i)) as never },
});

// Two recruiters, neither's slots read yet: R's count, and Q whose Book form the talent opens.
const Q = 'recruiter-2';
const twoUnread = (): TOpenRecruiters => ({ recruiters: [...listOf(['s1', 's2', 's3']).recruiters, { ...listOf(['q1']).recruiters[0]!, id: Q, name: 'Quinn Adler', freeSlots: 1 }], slots: {} });
function TwoUnread() {
  const { data, loadSlots } = useOpenRecruiters(EVENT, twoUnread());
  return (
    <p>
      <span data-testid="count">{data.recruiters[0]?.freeSlots}</span>
      <span data-testid="slots">{data.slots[R] ? data.slots[R].map((s) => s.id).join(',') : 'unread'}</span>
      <button onClick={() => loadSlots(Q)}>load Q</button>
    </p>
  );
}

function List() {
  const { data } = useOpenRecruiters(EVENT, listOf(['s1', 's2', 's3']));
  return (
    <p>
      <span data-testid="count">{data.recruiters[0]?.freeSlots}</span>
      <span data-testid="slots">{(data.slots[R] ?? []).map((s) => s.id).join(',')}</span>
    </p>
  );
}

// The page's first paint: the recruiter's count, not their slots (readOpenRecruiters 'own-chats').
function Unread() {
  const { data, loadSlots } = useOpenRecruiters(EVENT, { recruiters: listOf(['s1', 's2', 's3']).recruiters, slots: {} });
  return (
    <p>
      <span data-testid="count">{data.recruiters[0]?.freeSlots}</span>
      <span data-testid="slots">{data.slots[R] ? data.slots[R].map((s) => s.id).join(',') : 'unread'}</span>
      <button onClick={() => loadSlots(R)}>load</button>
    </p>
  );
}

describe('the open recruiters of the talent 1-1 chats page, live', () => {
  const before = { EventSource: (globalThis as { EventSource?: unknown }).EventSource, fetch: globalThis.fetch };
  let sources: TFake[] = [];
  let requests: string[] = [];
  let answer: (url: string) => Promise<TOpenRecruiters> = async () => listOf(['s1', 's2', 's3']);
  beforeEach(() => {
    sources = [];
    requests = [];
    (globalThis as { EventSource?: unknown }).EventSource = function (this: TFake, url: string) {
      Object.assign(this, { url, listeners: new Map(), onerror: null, onmessage: null, close: () => {} });
      (this as unknown as { addEventListener: unknown }).addEventListener = (name: string, fn: (msg: { data: string }) => void) => this.listeners.set(name, fn);
      sources.push(this);
    } as unknown;
    globalThis.fetch = jest.fn(async (url: string) => {
      requests.push(url);
      const body = { ok: true, ...(await answer(url)) };
      return { ok: true, status: 200, json: async () => body } as Response;
    }) as never;
  });
  afterEach(() => {
    (globalThis as { EventSource?: unknown }).EventSource = before.EventSource;
    globalThis.fetch = before.fetch;
  });
  const hint = (h: object) => act(() => sources[0]!.onmessage!({ data: JSON.stringify({ topic: TOPIC, ...h }) }));
  const shown = () => [screen.getByTestId('slots').textContent, screen.getByTestId('count').textContent];

  it('drops a taken slot without a read, and reads the recruiter again only when asked', async () => {
    render(
      <Providers>
        <List />
      </Providers>,
    );
    // Connecting reads the whole list once, like every live view.
    await act(async () => sources[0]!.listeners.get('ready')!({ data: '{}' }));
    expect(requests).toEqual([`/api/events/${EVENT}/chats/open-recruiters`]);
    await waitFor(() => expect(shown()).toEqual(['s1,s2,s3', '3']));

    await hint({ ids: { recruiter: R }, data: { taken: ['s2'] } });
    await waitFor(() => expect(shown()).toEqual(['s1,s3', '2']));
    expect(requests).toHaveLength(1);

    // A new time elsewhere: s1 taken at once, and the recruiter read again (s2 came free).
    let release!: () => void;
    answer = () => new Promise((resolve) => (release = () => resolve(listOf(['s2', 's3']))));
    await hint({ ids: { recruiter: R }, data: { taken: ['s1'], reread: true } });
    await waitFor(() => expect(shown()).toEqual(['s3', '1']));
    expect(requests.slice(1)).toEqual([`/api/events/${EVENT}/chats/open-recruiters?recruiters=${R}`]);
    await act(async () => release());
    await waitFor(() => expect(shown()).toEqual(['s2,s3', '2']));
  });

  it('a read that began before a slot was taken does not bring the slot back', async () => {
    render(
      <Providers>
        <List />
      </Providers>,
    );
    let release!: () => void;
    answer = () => new Promise((resolve) => (release = () => resolve(listOf(['s1', 's2', 's3']))));
    await act(async () => sources[0]!.listeners.get('ready')!({ data: '{}' }));
    expect(requests).toHaveLength(1);
    // The booking commits while the read is on its way: its answer still offers s3.
    await hint({ ids: { recruiter: R }, data: { taken: ['s3'] } });
    // Until the answer has been applied (React Query notifies on a timer).
    await act(async () => {
      release();
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(shown()).toEqual(['s1,s2', '2']);
    expect(requests).toHaveLength(1);
  });

  it('counts a taken slot of a recruiter whose slots were not read, and reads them when asked', async () => {
    render(
      <Providers>
        <Unread />
      </Providers>,
    );
    expect(shown()).toEqual(['unread', '3']);
    await hint({ ids: { recruiter: R }, data: { taken: ['s2'] } });
    await waitFor(() => expect(shown()).toEqual(['unread', '2']));
    expect(requests).toHaveLength(0);
    answer = async () => listOf(['s1', 's3']);
    await act(async () => screen.getByRole('button', { name: 'load' }).click());
    await waitFor(() => expect(shown()).toEqual(['s1,s3', '2']));
    expect(requests).toEqual([`/api/events/${EVENT}/chats/open-recruiters?recruiters=${R}`]);
  });

  // The same taken hint may be applied twice: it can arrive again, or a read may already have
  // dropped the slot before its hint came. Either way the recruiter's count goes down once.
  it('applies a taken hint once to a list whose slots were read: twice, and after a read that already dropped the slot', async () => {
    render(
      <Providers>
        <List />
      </Providers>,
    );
    await act(async () => sources[0]!.listeners.get('ready')!({ data: '{}' }));
    await waitFor(() => expect(shown()).toEqual(['s1,s2,s3', '3']));
    await hint({ ids: { recruiter: R }, data: { taken: ['s2'] } });
    await hint({ ids: { recruiter: R }, data: { taken: ['s2'] } });
    await waitFor(() => expect(shown()).toEqual(['s1,s3', '2']));

    // A reread (s3 was taken meanwhile) answers without s3; s3's own hint comes after it.
    answer = async () => listOf(['s1']);
    await hint({ ids: { recruiter: R } });
    await waitFor(() => expect(shown()).toEqual(['s1', '1']));
    await hint({ ids: { recruiter: R }, data: { taken: ['s3'] } });
    await hint({ ids: { recruiter: R }, data: { taken: ['s3'] } });
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(shown()).toEqual(['s1', '1']);
  });

  it('counts a taken slot once off a recruiter whose slots were not read, however often its hint comes', async () => {
    render(
      <Providers>
        <Unread />
      </Providers>,
    );
    await hint({ ids: { recruiter: R }, data: { taken: ['s2'] } });
    await hint({ ids: { recruiter: R }, data: { taken: ['s2'] } });
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(shown()).toEqual(['unread', '2']);
    // Another slot's hint still counts.
    await hint({ ids: { recruiter: R }, data: { taken: ['s3', 's2'] } });
    await waitFor(() => expect(shown()).toEqual(['unread', '1']));
    expect(requests).toHaveLength(0);

    // Once read, the slots the read left out stay out, and a late hint changes nothing.
    answer = async () => listOf(['s1']);
    await act(async () => screen.getByRole('button', { name: 'load' }).click());
    await waitFor(() => expect(shown()).toEqual(['s1', '1']));
    await hint({ ids: { recruiter: R }, data: { taken: ['s2'] } });
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(shown()).toEqual(['s1', '1']);
  });

  it('remembers what it counted off an unread recruiter across a read of another one', async () => {
    render(
      <Providers>
        <TwoUnread />
      </Providers>,
    );
    await hint({ ids: { recruiter: R }, data: { taken: ['s2'] } });
    await waitFor(() => expect(shown()).toEqual(['unread', '2']));
    // The talent opens Q's Book form: Q is read, R is not.
    answer = async () => ({ recruiters: twoUnread().recruiters.slice(1), slots: { [Q]: [slot('q1', 10)] as never } });
    await act(async () => screen.getByRole('button', { name: 'load Q' }).click());
    await waitFor(() => expect(requests).toEqual([`/api/events/${EVENT}/chats/open-recruiters?recruiters=${Q}`]));
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    await hint({ ids: { recruiter: R }, data: { taken: ['s2'] } });
    await act(async () => new Promise((r) => setTimeout(r, 50)));
    expect(shown()).toEqual(['unread', '2']);
  });
});
