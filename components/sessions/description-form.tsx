'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { FormError, TextArea } from '@/components/ui/field';
import { useSubmit } from '@/components/ui/use-submit';
import type { TResult } from '@/lib/errors';

/** Hosts rewrite the session's description. */
export function DescriptionForm({ sessionId, initial, action }: { sessionId: string; initial: string; action: (input: { sessionId: string; description: string }) => Promise<TResult<{ sessionId: string }>> }) {
  const [description, setDescription] = useState(initial);
  const router = useRouter();
  const { submit, pending, error, done, fieldError } = useSubmit(action, () => router.refresh());
  return (
    <form
      aria-label="Session description"
      onSubmit={(e) => {
        e.preventDefault();
        submit({ sessionId, description });
      }}
      className="stack"
      style={{ gap: 8 }}
    >
      <TextArea label="Description" rows={5} value={description} onChange={(e) => setDescription(e.target.value)} error={fieldError('description')} hint="What people will learn, who it is for, what to prepare." />
      <FormError message={error && !error.fieldErrors ? error.message : undefined} />
      {done ? <Alert tone="ok">Description saved.</Alert> : null}
      <div>
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save description'}</Button>
      </div>
    </form>
  );
}
