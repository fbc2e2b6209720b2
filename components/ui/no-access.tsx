import { ButtonLink } from './button';
import { EmptyState } from './card';

/**
 * A page the viewer may not see. `signInTo` (the page's own path) is for a signed-out visitor:
 * they are asked to sign in and come back, not told they lack access — a link from an invitation
 * or a bookmark usually reaches them before they have signed in.
 */
export function NoAccess({ what, backHref, signInTo }: { what: string; backHref: string; signInTo?: string }) {
  if (signInTo) {
    return (
      <EmptyState title="Sign in to see this page">
        <p>{what}</p>
        <div className="row" style={{ justifyContent: 'center' }}>
          <ButtonLink href={`/signin?callbackUrl=${encodeURIComponent(signInTo)}`}>Sign in</ButtonLink>
          <ButtonLink href={backHref} variant="secondary">Go back</ButtonLink>
        </div>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="You don't have access to this page">
      <p>{what}</p>
      <ButtonLink href={backHref} variant="secondary">Go back</ButtonLink>
    </EmptyState>
  );
}
