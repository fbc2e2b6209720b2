import { act, render } from '@testing-library/react';
import { Providers, useLiveTopics } from '@/components/live/live-provider';

// jsdom has no EventSource: a fake records what the provider opens and lets the test send events.
type TFake = { url: string; closed: boolean; listeners: Map<string, (msg: { data: string }) => void>; onerror: (() => void) | null; onmessage: unknown };

const DESK = 'desk:00000000-0000-4000-8000-000000000001';
const CONV = 'conversation:00000000-0000-4000-8000-000000000002';

function Follow({ topics }: { topics: string[] }) {
  useLiveTopics(topics);
  return null;
}

describe('the live provider and a revoked topic', () => {
  const before = (globalThis as { EventSource?: unknown }).EventSource;
  let sources: TFake[] = [];
  beforeEach(() => {
    sources = [];
    (globalThis as { EventSource?: unknown }).EventSource = function (this: TFake, url: string) {
      const s: TFake = { url, closed: false, listeners: new Map(), onerror: null, onmessage: null };
      Object.assign(this, s, {
        addEventListener: (name: string, fn: (msg: { data: string }) => void) => this.listeners.set(name, fn),
        close: () => void (this.closed = true),
      });
      sources.push(this);
    } as unknown;
  });
  afterEach(() => {
    (globalThis as { EventSource?: unknown }).EventSource = before;
  });

  it('reconnects without the revoked topic and keeps the others live, instead of retrying a refused stream', async () => {
    jest.useFakeTimers();
    try {
      render(
        <Providers>
          <Follow topics={[DESK, CONV]} />
        </Providers>,
      );
      expect(sources).toHaveLength(1);
      expect(decodeURIComponent(sources[0]!.url)).toContain(CONV);

      // The server names the topic, then closes the stream (the browser sees an error).
      act(() => {
        sources[0]!.listeners.get('revoked')!({ data: JSON.stringify({ topic: CONV }) });
        sources[0]!.onerror?.();
      });
      await act(async () => {
        jest.advanceTimersByTime(60_000);
      });
      const open = sources.filter((s) => !s.closed);
      expect(open).toHaveLength(1);
      const url = decodeURIComponent(open[0]!.url);
      expect(url).toContain(DESK);
      expect(url).not.toContain(CONV);
      // No stream after the first ever asked for the revoked topic again.
      expect(sources.slice(1).every((s) => !decodeURIComponent(s.url).includes(CONV))).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
