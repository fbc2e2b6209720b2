'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import type { TResult } from '@/lib/errors';

type TAction<T extends object> = (sessionId: string) => Promise<TResult<T>>;

/**
 * Sign up (seat or waitlist) and cancel; the refreshed page then shows the new standing. For a
 * session open to all (no sign-up needed to enter) signing up only puts it in My Schedule, and
 * the button says that rather than suggesting a sign-up is required. Giving up a seat or a
 * waitlist place asks first: the next person on the waitlist takes it at once, so it cannot be
 * taken back.
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
  const [confirming, setConfirming] = useState(false);
  const leaveRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);
  const router = useRouter();
  const qc = useQueryClient();
  const run = (action: TAction<object>) =>
    start(async () => {
      const res = await action(sessionId).catch(() => ({ ok: false as const, error: { code: 'internal' as const, message: 'Could not reach the server. Check your connection and try again.' } }));
      if (!res.ok) return setError(res.error.message);
      setError(null);
      setConfirming(false);
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
          {confirming ? null : (
            <Button ref={leaveRef} variant="secondary" disabled={pending} onClick={() => (openToAll ? run(cancel) : setConfirming(true))} aria-label={`${leaveLabel}: ${title}`}>
              {leaveLabel}
            </Button>
          )}
        </div>
      ) : null}
      {mine && confirming ? (
        <div
          className="stack"
          style={{ gap: 6 }}
          role="group"
          aria-label={`${leaveLabel}: ${title}?`}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            setConfirming(false);
            requestAnimationFrame(() => leaveRef.current?.focus());
          }}
        >
          <p className="small" style={{ margin: 0 }}>
            {mine.status === 'waitlisted'
              ? 'Leave the waitlist? You lose your place; joining again puts you at the end.'
              : 'Give up your seat? The next person on the waitlist gets it at once, and the session may then be full.'}
          </p>
          <div className="row">
            <Button variant="danger" disabled={pending} onClick={() => run(cancel)}>
              {pending ? 'Giving it up…' : mine.status === 'waitlisted' ? 'Yes, leave the waitlist' : 'Yes, give up my seat'}
            </Button>
            <Button
              ref={keepRef}
              variant="ghost"
              disabled={pending}
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => leaveRef.current?.focus());
              }}
            >
              {mine.status === 'waitlisted' ? 'Stay on the waitlist' : 'Keep my seat'}
            </Button>
          </div>
        </div>
      ) : null}
      {mine ? null : (
        <Button disabled={pending} onClick={() => run(signUp)} aria-label={`${joinLabel}: ${title}`}>
          {pending ? (openToAll ? 'Adding…' : 'Signing up…') : joinLabel}
        </Button>
      )}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
