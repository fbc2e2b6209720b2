'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { useSubmit } from '@/components/ui/use-submit';
import type { TResult } from '@/lib/errors';

/** Cancels a session after a second click; everyone signed up is told. */
export function CancelSessionButton({ sessionId, title, action }: { sessionId: string; title: string; action: (sessionId: string) => Promise<TResult<{ told: number }>> }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [told, setTold] = useState<number | null>(null);
  const { submit, pending, error } = useSubmit(action, (res) => {
    setTold(res.told);
    // A cancelled session's card drops its actions (and this message with them) once the page
    // re-renders, so the page itself says it, from the address: it survives the refresh.
    router.replace(`?cancelled=${sessionId}&told=${res.told}`, { scroll: false });
  });
  if (told !== null) return <Alert tone="ok">Session cancelled. {told} {told === 1 ? 'person was' : 'people were'} told by notification and e-mail.</Alert>;
  return (
    <div className="row">
      {confirming ? (
        <>
          <span className="small">Cancel “{title}” and tell everyone signed up?</span>
          <Button variant="danger" disabled={pending} onClick={() => submit(sessionId)}>Yes, cancel the session</Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>Keep it</Button>
        </>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>Cancel session</Button>
      )}
      {error ? <Alert tone="error">{error.message}</Alert> : null}
    </div>
  );
}
