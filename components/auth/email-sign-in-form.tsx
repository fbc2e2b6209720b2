'use client';
import { useActionState } from 'react';
import type { TSignInState } from '@/app/signin/actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';

/** `signIn` is the page's e-mail sign-in server action (useActionState-shaped). */
export function EmailSignInForm({ callbackUrl, defaultEmail, signIn }: {
  callbackUrl: string;
  defaultEmail?: string;
  signIn: (prev: TSignInState, form: FormData) => Promise<TSignInState>;
}) {
  const [state, action, pending] = useActionState<TSignInState, FormData>(signIn, undefined);
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
