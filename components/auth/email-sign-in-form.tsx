'use client';
import { useActionState } from 'react';
import { emailSignInAction, type TSignInState } from '@/app/signin/actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';

export function EmailSignInForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const [state, action, pending] = useActionState<TSignInState, FormData>(emailSignInAction, undefined);
  return (
    <form action={action} className="stack" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        label="E-mail address"
        name="email"
        type="email"
        autoComplete="email"
        defaultValue={defaultEmail}
        required
        error={state?.error?.fieldErrors?.email ?? (state?.error && !state.error.fieldErrors ? state.error.message : undefined)}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Sending link…' : 'E-mail me a sign-in link'}
      </Button>
    </form>
  );
}
