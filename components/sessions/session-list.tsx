import type { ReactNode } from 'react';
import type { TSessionCard } from '@/lib/sessions/queries';
import { mayEnterCard, maySignUp, type TViewer } from '@/lib/sessions/view';
import type { TResult } from '@/lib/errors';
import { SessionCard } from './session-card';
import { SignUpButton } from './sign-up-button';
import s from './sessions.module.css';

export type TSignUpActions = {
  signUp: (sessionId: string) => Promise<TResult<{ status: string; position: number | null }>>;
  cancel: (sessionId: string) => Promise<TResult<{ promoted: string[] }>>;
};

/** Session cards with the viewer's sign-up and Enter controls; `linkTitles={false}` on a session's own page. */
export function SessionList({ cards, slug, timeZone, viewer, actions, noteFor, linkTitles = true }: {
  cards: TSessionCard[];
  slug: string;
  timeZone: string;
  viewer: TViewer | null;
  actions: TSignUpActions;
  noteFor?: (card: TSessionCard) => ReactNode;
  linkTitles?: boolean;
}) {
  return (
    <ul className={s.list}>
      {cards.map((c) => (
        <SessionCard
          key={c.session.id}
          card={c}
          slug={slug}
          timeZone={timeZone}
          canEnter={mayEnterCard(c, viewer)}
          note={noteFor?.(c)}
          linkTitle={linkTitles}
          actions={
            maySignUp(c, viewer) ? (
              <SignUpButton
                sessionId={c.session.id}
                title={c.session.title}
                mine={c.mine}
                isFull={c.session.capacity !== null && c.session.seatsTaken >= c.session.capacity}
                openToAll={c.session.capacity === null && !c.session.signUpRequired}
                signUp={actions.signUp}
                cancel={actions.cancel}
              />
            ) : null
          }
        />
      ))}
    </ul>
  );
}
