import Link from 'next/link';
import a from '@/components/admin/admin.module.css';

const ITEMS = [
  { key: 'manage', path: 'chats/manage', label: 'My availability & requests' },
  { key: 'talents', path: 'chats/talents', label: 'Talents' },
  { key: 'team', path: 'chats/team', label: 'Team' },
  { key: 'all', path: 'chats/all', label: 'All 1-1 Chats' },
] as const;

export function RecruiterSubnav({ slug, current }: { slug: string; current: (typeof ITEMS)[number]['key'] }) {
  return (
    <nav className={a.subnav} aria-label="1-1 chats">
      {ITEMS.map((i) => (
        <Link key={i.key} href={`/events/${slug}/${i.path}`} aria-current={i.key === current ? 'page' : undefined}>
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
