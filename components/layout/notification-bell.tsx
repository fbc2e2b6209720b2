'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLiveTopics } from '@/components/live/live-provider';
import s from './layout.module.css';

export function NotificationBell({ userId }: { userId: string }) {
  const topic = `user:${userId}`;
  useLiveTopics([topic]);
  const { data } = useQuery({
    queryKey: [topic, 'notifications', 'unread'],
    queryFn: async () => {
      const res = await fetch('/api/notifications?unread=1');
      if (!res.ok) return { unread: 0 };
      return (await res.json()) as { unread: number };
    },
  });
  const unread = data?.unread ?? 0;
  return (
    <Link href="/notifications" className={s.bell} aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}>
      <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? <span className={s.count}>{unread > 99 ? '99+' : unread}</span> : null}
    </Link>
  );
}
