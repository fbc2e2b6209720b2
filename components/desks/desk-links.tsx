import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { TDeskListItem } from '@/lib/desks/desk-page';

/** Desks to talk to, for the lobby and a company page; only those not over yet. */
export function DeskLinks({ slug, desks, now = new Date() }: { slug: string; desks: TDeskListItem[]; now?: Date }) {
  const current = desks.filter((d) => d.closesAt > now);
  if (current.length === 0) return null;
  return (
    <Card>
      <h2>Chat desks</h2>
      <ul className="small" style={{ paddingLeft: 18, margin: 0 }}>
        {current.map((d) => (
          <li key={d.id}>
            <Link href={`/events/${slug}/desks/${d.id}`}>{d.name}</Link>
            {d.opensAt <= now ? ' — open now' : ''}
          </li>
        ))}
      </ul>
    </Card>
  );
}
