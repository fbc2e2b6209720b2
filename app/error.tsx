'use client';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/card';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <EmptyState title="Something went wrong">
      <p>We could not show this page. Try again; if it keeps failing, tell the event organizer.</p>
      <Button onClick={reset}>Try again</Button>
    </EmptyState>
  );
}
