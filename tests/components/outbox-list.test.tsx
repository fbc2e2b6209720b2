import { act, render, screen, within } from '@testing-library/react';
import { OutboxList } from '@/components/admin/outbox-list';
import { Providers } from '@/components/live/live-provider';

const mails = [
  {
    id: 'm1',
    toEmail: 'ada@example.com',
    subject: 'Your sign-in link',
    text: 'Sign in here: https://fair.test/api/auth/callback?token=abc\nIt expires in a day.',
    kind: 'magic_link',
    status: 'stored' as const,
    error: null,
    createdAt: '2026-04-01T09:00:00.000Z',
  },
  {
    id: 'm2',
    toEmail: 'bob@example.com',
    subject: 'You are invited to Spring Fair',
    text: 'No link in this one.',
    kind: 'invite',
    status: 'failed' as const,
    error: 'SMTP refused the message',
    createdAt: '2026-04-01T10:00:00.000Z',
  },
];

describe('OutboxList', () => {
  const EventSourceBefore = (globalThis as { EventSource?: unknown }).EventSource;
  const opened = jest.fn();
  type TFakeSource = { onmessage: ((msg: { data: string }) => void) | null; addEventListener: () => void; close: () => void };
  let sources: TFakeSource[] = [];
  beforeEach(() => {
    opened.mockClear();
    sources = [];
    // jsdom has no EventSource; a fake proves that live=false opens none and lets a test send a hint.
    (globalThis as { EventSource?: unknown }).EventSource = jest.fn().mockImplementation((url: string) => {
      opened(url);
      const source: TFakeSource = { onmessage: null, addEventListener: () => {}, close: () => {} };
      sources.push(source);
      return source;
    });
  });
  afterEach(() => {
    (globalThis as { EventSource?: unknown }).EventSource = EventSourceBefore;
  });

  it('ends a link before the punctuation that closes its sentence', () => {
    const mail = { ...mails[0]!, text: 'Open https://fair.test/signin?x=1. Then wait.' };
    render(<Providers><OutboxList initial={[mail]} topics={[]} /></Providers>);
    expect(screen.getByRole('link', { name: 'https://fair.test/signin?x=1' })).toHaveAttribute('href', 'https://fair.test/signin?x=1');
  });

  it('lists subjects, recipients, status and errors', () => {
    render(<Providers><OutboxList initial={mails} topics={[]} /></Providers>);
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByText('Your sign-in link')).toBeInTheDocument();
    expect(within(items[0]!).getByText('to ada@example.com')).toBeInTheDocument();
    expect(within(items[0]!).getByText('Stored')).toBeInTheDocument();
    expect(within(items[1]!).getByText('You are invited to Spring Fair')).toBeInTheDocument();
    expect(within(items[1]!).getByText('to bob@example.com')).toBeInTheDocument();
    expect(within(items[1]!).getByText('Failed')).toBeInTheDocument();
    expect(within(items[1]!).getByText('SMTP refused the message')).toBeInTheDocument();
    expect(opened).not.toHaveBeenCalled();
  });

  it('turns URLs in the text into links and keeps the rest as text', () => {
    render(<Providers><OutboxList initial={mails} topics={[]} /></Providers>);
    const links = screen.getAllByRole('link', { hidden: true });
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute('href', 'https://fair.test/api/auth/callback?token=abc');
    expect(links[0]).toHaveTextContent('https://fair.test/api/auth/callback?token=abc');
    const pre = links[0]!.closest('pre');
    expect(pre?.textContent).toBe(mails[0]!.text);
  });

  it('says so when there is no mail', () => {
    render(<Providers><OutboxList initial={[]} topics={[]} /></Providers>);
    expect(screen.getByRole('heading', { name: 'No mail yet' })).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('follows the outbox topic when live and refetches on a hint', async () => {
    const fetchBefore = globalThis.fetch;
    const fetchMock = jest.fn().mockResolvedValue({ ok: true, json: async () => ({ mails: [mails[1]] }) });
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    try {
      render(<Providers><OutboxList initial={[]} topics={['outbox']} /></Providers>);
      expect(opened).toHaveBeenCalledWith('/api/live?topics=outbox');
      // The server-rendered list is fresh: nothing is fetched until a hint arrives.
      expect(fetchMock).not.toHaveBeenCalled();
      expect(sources).toHaveLength(1);
      act(() => sources[0]!.onmessage?.({ data: JSON.stringify({ topic: 'outbox' }) }));
      expect(await screen.findByText('You are invited to Spring Fair')).toBeInTheDocument();
      expect(fetchMock).toHaveBeenCalledWith('/api/outbox');
    } finally {
      globalThis.fetch = fetchBefore;
    }
  });
});
