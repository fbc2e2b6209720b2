import Link from 'next/link';
import s from './admin.module.css';

export function ManageNav({ slug, current }: { slug: string; current: 'settings' | 'companies' | 'chats' | 'sessions' }) {
  return (
    <nav className={s.subnav} aria-label="Manage">
      <Link href={`/events/${slug}/manage`} aria-current={current === 'settings' ? 'page' : undefined}>Settings &amp; days</Link>
      <Link href={`/events/${slug}/manage/companies`} aria-current={current === 'companies' ? 'page' : undefined}>Companies &amp; recruiters</Link>
      <Link href={`/events/${slug}/manage/chats`} aria-current={current === 'chats' ? 'page' : undefined}>1-1 Chats</Link>
      <Link href={`/events/${slug}/manage/sessions`} aria-current={current === 'sessions' ? 'page' : undefined}>Sessions</Link>
      <Link href={`/events/${slug}/desks/setup`}>Chat desks</Link>
      <Link href="/outbox">Outbox</Link>
    </nav>
  );
}
