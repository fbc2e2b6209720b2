'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import type { TResult } from '@/lib/errors';

type TAction<T extends object> = (sessionId: string) => Promise<TResult<T>>;

/**
 * Sign up (seat or waitlist) and cancel; the refreshed page then shows the new standing. For a
 * session open to all (no sign-up needed to enter) signing up only puts it in My Schedule, and
 * the button says that rather than suggesting a sign-up is required.
 */
export function SignUpButton({
  sessionId,
  title,
  mine,
  isFull,
  openToAll = false,
  signUp,
  cancel,
}: {
  sessionId: string;
  title: string;
  mine: { status: 'registered' | 'waitlisted'; position: number | null } | null;
  isFull: boolean;
  openToAll?: boolean;
  signUp: TAction<{ status: string; position: number | null }>;
  cancel: TAction<{ promoted: string[] }>;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const qc = useQueryClient();
  const run = (action: TAction<object>) =>
    start(async () => {
      const res = await action(sessionId).catch(() => ({ ok: false as const, error: { code: 'internal' as const, message: 'Could not reach the server. Check your connection and try again.' } }));
      if (!res.ok) return setError(res.error.message);
      setError(null);
      router.refresh();
      void qc.invalidateQueries({ queryKey: [`session:${sessionId}`] });
    });
  const joinLabel = isFull ? 'Join the waitlist' : openToAll ? 'Add to My Schedule' : 'Sign up';
  const leaveLabel = mine?.status === 'waitlisted' ? 'Leave the waitlist' : openToAll ? 'Remove from My Schedule' : 'Cancel my seat';
  return (
    <div className="stack" style={{ gap: 6 }}>
      {mine ? (
        <div className="row">
          <span role="status">{mine.status === 'waitlisted' ? `You are on the waitlist — position ${mine.position}.` : openToAll ? 'In your schedule.' : 'You have a seat.'}</span>
          <Button variant="secondary" disabled={pending} onClick={() => run(cancel)} aria-label={`${leaveLabel}: ${title}`}>
            {leaveLabel}
          </Button>
        </div>
      ) : (
        <Button disabled={pending} onClick={() => run(signUp)} aria-label={`${joinLabel}: ${title}`}>
          {pending ? (openToAll ? 'Adding…' : 'Signing up…') : joinLabel}
        </Button>
      )}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
