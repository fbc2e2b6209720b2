'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import type { TResult } from '@/lib/errors';

type TAction<T extends object> = (sessionId: string) => Promise<TResult<T>>;

/** Sign up (seat or waitlist) and cancel; the refreshed page then shows the new standing. */
export function SignUpButton({
  sessionId,
  title,
  mine,
  isFull,
  signUp,
  cancel,
}: {
  sessionId: string;
  title: string;
  mine: { status: 'registered' | 'waitlisted'; position: number | null } | null;
  isFull: boolean;
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
  return (
    <div className="stack" style={{ gap: 6 }}>
      {mine ? (
        <div className="row">
          <span role="status">{mine.status === 'registered' ? 'You have a seat.' : `You are on the waitlist — position ${mine.position}.`}</span>
          <Button variant="secondary" disabled={pending} onClick={() => run(cancel)} aria-label={`${mine.status === 'registered' ? 'Cancel my seat' : 'Leave the waitlist'}: ${title}`}>
            {mine.status === 'registered' ? 'Cancel my seat' : 'Leave the waitlist'}
          </Button>
        </div>
      ) : (
        <Button disabled={pending} onClick={() => run(signUp)} aria-label={`${isFull ? 'Join the waitlist' : 'Sign up'}: ${title}`}>
          {pending ? 'Signing up…' : isFull ? 'Join the waitlist' : 'Sign up'}
        </Button>
      )}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
