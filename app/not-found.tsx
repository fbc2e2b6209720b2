import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';

export default function NotFound() {
  return (
    <EmptyState title="Page not found">
      <p>This page does not exist, or you do not have access to it.</p>
      <ButtonLink href="/">Back to events</ButtonLink>
    </EmptyState>
  );
}
