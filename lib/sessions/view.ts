// What a session list shows each viewer, from data a page already loaded: pure rules (no
// database), so the session components in components/ may use them in the browser.
import type { TSession } from './permissions';

/** The viewer's standing in the event, as a page already knows it (no query per card). */
export type TViewer = { id: string; isRegistered: boolean; isOrganizer: boolean; companyId: string | null };

/**
 * What a card shows about seats: "12 seats left", "Full — waitlist open", "Open to all". Everyone
 * reads it — the waitlisted, hosts, organizers — so it states the fact; the button offers the act.
 */
export function seatsLabel(s: Pick<TSession, 'capacity' | 'seatsTaken' | 'signUpRequired'>): string {
  if (s.capacity === null) return s.signUpRequired ? 'Open to all — sign up to enter' : 'Open to all';
  const left = s.capacity - s.seatsTaken;
  if (left <= 0) return 'Full — waitlist open';
  return `${left} seat${left === 1 ? '' : 's'} left`;
}

/** The same rule as `mayEnter` (lib/sessions/permissions), for lists: from a card's hosts and the viewer's sign-up. */
export function mayEnterCard(
  card: { session: Pick<TSession, 'signUpRequired' | 'companyId'>; isHost: boolean; mine: { status: 'registered' | 'waitlisted' } | null },
  viewer: TViewer | null,
): boolean {
  if (!viewer) return false;
  if (viewer.isOrganizer || card.isHost) return true;
  if (card.session.companyId && card.session.companyId === viewer.companyId) return true;
  if (card.mine?.status === 'registered') return true;
  return viewer.isRegistered && !card.session.signUpRequired;
}

/** Whether the viewer may sign up for a session (a control to show), not whether it has room. */
export function maySignUp(card: { session: { cancelledAt: Date | null; endsAt: Date }; isHost: boolean }, viewer: TViewer | null, now = new Date()): boolean {
  return !!viewer?.isRegistered && !card.isHost && !card.session.cancelledAt && card.session.endsAt > now;
}
