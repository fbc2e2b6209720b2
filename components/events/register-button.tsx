'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { registerAction } from '@/app/events/[slug]/actions';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';

/** `register` is the lobby's registerAction, passed by its page. */
export function RegisterButton({ eventId, register }: { eventId: string; register: typeof registerAction }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: 'error'; text: string } | null>(null);
  const router = useRouter();
  const qc = useQueryClient();
  return (
    <div className="stack">
      <Button
        disabled={pending}
        onClick={() =>
          start(async () => {
            const res = await register(eventId);
            if (res.ok) {
              // The refreshed lobby replaces this button with the confirmation ("You are registered…"):
              // a message kept here would vanish with it in the same render.
              router.refresh();
              // Our own write must show even if the live connection is not up yet.
              void qc.invalidateQueries({ queryKey: [`event:${eventId}`] });
            } else setMessage({ tone: 'error', text: res.error.message });
          })
        }
      >
        {pending ? 'Registering…' : 'Register as a talent'}
      </Button>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}
