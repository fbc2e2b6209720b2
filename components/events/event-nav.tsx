'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import s from './events.module.css';

export function EventNav({ slug, canManage, isRecruiter }: { slug: string; canManage: boolean; isRecruiter: boolean }) {
  // Typed nullable while a Pages Router route (api/live) exists; always set in the App Router.
  const pathname = usePathname() ?? '';
  const base = `/events/${slug}`;
  // Program and My Schedule join this list as they are built.
  const items = [
    { href: base, label: 'Lobby', exact: true },
    { href: `${base}/companies`, label: 'Companies' },
    isRecruiter ? { href: `${base}/chats/manage`, label: 'Manage 1-1 Chats' } : { href: `${base}/chats`, label: '1-1 Chats' },
    ...(canManage ? [{ href: `${base}/manage`, label: 'Manage' }] : []),
  ];
  return (
    <nav className={s.eventNav} aria-label="Event">
      {items.map((i) => {
        const active = i.exact ? pathname === i.href : pathname.startsWith(i.href);
        return (
          <Link key={i.href} href={i.href} aria-current={active ? 'page' : undefined}>
            {i.label}
          </Link>
        );
      })}
    </nav>
  );
}
