import Link from 'next/link';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/card';
import { When } from '@/components/ui/when';
import { roomOpensAt } from '@/lib/sessions/room-window';
import type { TSessionCard } from '@/lib/sessions/queries';
import { seatsLabel } from '@/lib/sessions/view';
import { KIND_LABEL } from '@/lib/sessions/schemas';
import { formatInstant } from '@/lib/time/format';
import { EnterButton } from './enter-button';
import s from './sessions.module.css';

/** An organizers' own presentation is no company's: "Presentation", not "Company presentation". */
function kindLabel({ session, company }: TSessionCard): string {
  return session.kind === 'presentation' && !company ? 'Presentation' : KIND_LABEL[session.kind];
}

/**
 * One session in a list: what, when, who, seats, and the viewer's way in. `actions` is the
 * page's sign-up control (client components get server actions from the page). On the session's
 * own page (`linkTitle={false}`) the title is plain text: a link to the page you are on goes nowhere.
 */
export function SessionCard({ card, slug, timeZone, canEnter, actions, note, linkTitle = true }: { card: TSessionCard; slug: string; timeZone: string; canEnter: boolean; actions?: ReactNode; note?: ReactNode; linkTitle?: boolean }) {
  const { session } = card;
  const href = `/events/${slug}/sessions/${session.id}`;
  const end = formatInstant(session.endsAt, timeZone).split(', ')[1];
  return (
    <li className={s.card} data-cancelled={!!session.cancelledAt} aria-label={session.title}>
      <div className={s.head}>
        <h3>
          {linkTitle ? <Link href={href}>{session.title}</Link> : session.title}
        </h3>
        <span className="small">
          <When iso={session.startsAt.toISOString()} eventLabel={`${formatInstant(session.startsAt, timeZone)}–${end}`} eventZone={timeZone} />
        </span>
      </div>
      <div className={s.meta}>
        <Badge tone="brand">{kindLabel(card)}</Badge>
        {card.company ? <Link className="small" href={`/events/${slug}/companies/${card.company.slug}`}>{card.company.name}</Link> : null}
        <span className="small muted">Hosted by {card.hosts.map((h) => h.name).join(', ') || 'the organizers'}</span>
        {session.cancelledAt ? <Badge tone="warn">Cancelled</Badge> : <Badge>{seatsLabel(session)}</Badge>}
        {card.isHost ? <Badge tone="ok">You host</Badge> : null}
      </div>
      {note}
      {session.cancelledAt ? null : (
        <div className="row">
          {actions}
          {canEnter ? (
            <EnterButton
              href={`${href}/room`}
              title={session.title}
              opensAtIso={roomOpensAt(session).toISOString()}
              endsAtIso={session.endsAt.toISOString()}
              opensLabel={`at ${formatInstant(roomOpensAt(session), timeZone, { withDay: false })} (${timeZone})`}
            />
          ) : null}
        </div>
      )}
    </li>
  );
}
