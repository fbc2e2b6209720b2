'use server';
import { signIn, signOut } from '@/lib/auth';
import { ZDemoSignIn, ZEmailSignIn } from '@/lib/auth/schemas';
import { env } from '@/lib/env';
import type { TErrorBody } from '@/lib/errors';

export type TSignInState = { error?: TErrorBody } | undefined;

export async function emailSignInAction(_prev: TSignInState, form: FormData): Promise<TSignInState> {
  const parsed = ZEmailSignIn.safeParse({ email: form.get('email') ?? '', callbackUrl: form.get('callbackUrl') ?? undefined });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Enter a valid e-mail address';
    return { error: { code: 'invalid_input', message, fieldErrors: { email: message } } };
  }
  // Throws Next's redirect to the "check your e-mail" page.
  await signIn('email', { email: parsed.data.email, redirectTo: parsed.data.callbackUrl });
  return undefined;
}

export async function demoSignInAction(form: FormData): Promise<void> {
  if (!env().demoLogin) throw new Error('Demo sign-in is off');
  const parsed = ZDemoSignIn.safeParse({ userId: form.get('userId'), callbackUrl: form.get('callbackUrl') ?? undefined });
  if (!parsed.success) throw new Error('Pick a demo person');
  await signIn('demo', { userId: parsed.data.userId, redirectTo: parsed.data.callbackUrl });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

export async function oauthSignInAction(form: FormData): Promise<void> {
  const provider = form.get('provider');
  if (provider !== 'github' && provider !== 'google') throw new Error('Unknown sign-in provider');
  const { callbackUrl } = ZDemoSignIn.pick({ callbackUrl: true }).parse({ callbackUrl: form.get('callbackUrl') ?? undefined });
  await signIn(provider, { redirectTo: callbackUrl });
}
