'use client';
import { LocalTime } from '@/components/ui/local-time';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { markAllReadAction } from '@/app/notifications/actions';
import { useLiveTopics } from '@/components/live/live-provider';
import { Button } from '@/components/ui/button';
import { Alert, EmptyState } from '@/components/ui/card';
import { useSubmit } from '@/components/ui/use-submit';
import a from '@/components/admin/admin.module.css';

type Item = { id: string; title: string; body: string; href: string | null; readAt: string | null; createdAt: string };

/** `markAllRead` is the page's markAllReadAction. */
export function NotificationList({ userId, markAllRead }: { userId: string; markAllRead: typeof markAllReadAction }) {
  const topic = `user:${userId}`;
  useLiveTopics([topic]);
  const { data, isError, isPending } = useQuery({
    queryKey: [topic, 'notifications', 'list'],
    queryFn: async () => {
      const res = await fetch('/api/notifications');
      if (!res.ok) throw new Error('Could not load notifications');
      return (await res.json()) as { unread: number; items: Item[] };
    },
  });
  const { submit, pending } = useSubmit(markAllRead);
  if (isPending) return <p className="muted">Loading…</p>;
  if (isError) return <Alert tone="error">Could not load your notifications. Reload the page to try again.</Alert>;
  if (data.items.length === 0) {
    return (
      <EmptyState title="Nothing here yet">
        <p>We tell you here when something changes: registrations, requests and chats.</p>
      </EmptyState>
    );
  }
  return (
    <div className="stack">
      {data.unread > 0 ? (
        <div>
          <Button variant="secondary" disabled={pending} onClick={() => submit(undefined as never)}>
            Mark all as read
          </Button>
        </div>
      ) : null}
      <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {data.items.map((n) => (
          <li key={n.id} className={a.mail} style={{ padding: 12, borderLeft: n.readAt ? undefined : '4px solid var(--brand)' }}>
            <strong>{n.href ? <Link href={n.href}>{n.title}</Link> : n.title}</strong>
            {n.body ? <p className="small" style={{ margin: '4px 0 0' }}>{n.body}</p> : null}
            <span className="muted small"><LocalTime iso={n.createdAt} /></span>
          </li>
        ))}
      </ul>
    </div>
  );
}
