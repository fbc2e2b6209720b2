'use server';
import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { MagicLinkRefused, signIn, signOut } from '@/lib/auth';
import { ZDemoSignIn, ZEmailSignIn } from '@/lib/auth/schemas';
import { env } from '@/lib/env';
import { toErrorBody, type TErrorBody } from '@/lib/errors';

export type TSignInState = { error?: TErrorBody } | undefined;

export async function emailSignInAction(_prev: TSignInState, form: FormData): Promise<TSignInState> {
  const parsed = ZEmailSignIn.safeParse({ email: form.get('email') ?? '', callbackUrl: form.get('callbackUrl') ?? undefined });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Enter a valid e-mail address';
    return { error: { code: 'invalid_input', message, fieldErrors: { email: message } } };
  }
  try {
    // Throws Next's redirect to the "check your e-mail" page.
    await signIn('email', { email: parsed.data.email, redirectTo: parsed.data.callbackUrl });
  } catch (err) {
    if (err instanceof MagicLinkRefused) return { error: toErrorBody(err.appError) };
    if (err instanceof AuthError) {
      return { error: { code: 'internal', message: 'We could not send the sign-in link. Try again in a minute.' } };
    }
    throw err;
  }
  return undefined;
}

export async function demoSignInAction(form: FormData): Promise<void> {
  const parsed = ZDemoSignIn.safeParse({ userId: form.get('userId'), callbackUrl: form.get('callbackUrl') ?? undefined });
  if (!env().demoLogin || !parsed.success) redirect('/signin?error=CredentialsSignin');
  try {
    await signIn('demo', { userId: parsed.data.userId, redirectTo: parsed.data.callbackUrl });
  } catch (err) {
    // A refused demo sign-in is an AuthError; the success path throws Next's redirect, which passes.
    if (err instanceof AuthError) redirect('/signin?error=CredentialsSignin');
    throw err;
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

export async function oauthSignInAction(form: FormData): Promise<void> {
  const provider = form.get('provider');
  if (provider !== 'github' && provider !== 'google') redirect('/signin?error=Configuration');
  const { callbackUrl } = ZDemoSignIn.pick({ callbackUrl: true }).parse({ callbackUrl: form.get('callbackUrl') ?? undefined });
  await signIn(provider, { redirectTo: callbackUrl });
}
