'use client';
import { LocalTime } from '@/components/ui/local-time';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import type { markAllReadAction, markReadAction } from '@/app/notifications/actions';
import { useLiveTopics } from '@/components/live/live-provider';
import { Button } from '@/components/ui/button';
import { Alert, EmptyState } from '@/components/ui/card';
import { useSubmit } from '@/components/ui/use-submit';
import a from '@/components/admin/admin.module.css';

type Item = { id: string; title: string; body: string; href: string | null; readAt: string | null; createdAt: string };

type TList = { unread: number; items: Item[] };

/** `markAllRead` and `markRead` are the page's server actions. */
export function NotificationList({ userId, markAllRead, markRead }: { userId: string; markAllRead: typeof markAllReadAction; markRead: typeof markReadAction }) {
  const topic = `user:${userId}`;
  useLiveTopics([topic]);
  const qc = useQueryClient();
  // Following a notification's link reads it: the list and the bell say so at once, and the
  // server's hint confirms (a failed write is corrected by the next refetch).
  const opened = (n: Item) => {
    if (n.readAt) return;
    qc.setQueryData<TList>([topic, 'notifications', 'list'], (list) =>
      list && { unread: Math.max(0, list.unread - 1), items: list.items.map((i) => (i.id === n.id ? { ...i, readAt: new Date().toISOString() } : i)) },
    );
    qc.setQueryData<{ unread: number }>([topic, 'notifications', 'unread'], (bell) => bell && { unread: Math.max(0, bell.unread - 1) });
    void markRead({ id: n.id }).catch(() => undefined);
  };
  const { data, isError, isPending } = useQuery({
    queryKey: [topic, 'notifications', 'list'],
    queryFn: async () => {
      const res = await fetch('/api/notifications');
      if (!res.ok) throw new Error('Could not load notifications');
      return (await res.json()) as TList;
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
            <strong>
              {n.readAt ? null : <span className="visually-hidden">Unread: </span>}
              {n.href ? <Link href={n.href} onClick={() => opened(n)}>{n.title}</Link> : n.title}
            </strong>
            {n.body ? <p className="small" style={{ margin: '4px 0 0' }}>{n.body}</p> : null}
            <span className="muted small"><LocalTime iso={n.createdAt} /></span>
          </li>
        ))}
      </ul>
    </div>
  );
}
