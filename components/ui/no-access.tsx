import { ButtonLink } from './button';
import { EmptyState } from './card';

export function NoAccess({ what, backHref }: { what: string; backHref: string }) {
  return (
    <EmptyState title="You don't have access to this page">
      <p>{what}</p>
      <ButtonLink href={backHref} variant="secondary">Go back</ButtonLink>
    </EmptyState>
  );
}
