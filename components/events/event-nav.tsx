'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import s from './events.module.css';

export function EventNav({ slug, canManage, isRecruiter, isSignedIn = false }: { slug: string; canManage: boolean; isRecruiter: boolean; isSignedIn?: boolean }) {
  // Typed nullable while a Pages Router route (api/live) exists; always set in the App Router.
  const pathname = usePathname() ?? '';
  const base = `/events/${slug}`;
  const items = [
    { href: base, label: 'Lobby', exact: true },
    { href: `${base}/sessions`, label: 'Programme' },
    { href: `${base}/companies`, label: 'Companies' },
    isRecruiter ? { href: `${base}/chats/manage`, label: 'Manage 1-1 Chats' } : { href: `${base}/chats`, label: '1-1 Chats' },
    { href: `${base}/desks`, label: 'Desks & sessions' },
    ...(isSignedIn ? [{ href: `${base}/schedule`, label: 'My Schedule' }] : []),
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
