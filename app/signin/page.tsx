import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { DemoPeople } from '@/components/auth/demo-people';
import { EmailSignInForm } from '@/components/auth/email-sign-in-form';
import { Alert, Card, PageHeader } from '@/components/ui/card';
import { env } from '@/lib/env';
import { listDemoPeople } from '@/lib/auth/demo-people';
import { ZCallbackUrl } from '@/lib/auth/schemas';
import { oauthProviders } from '@/lib/auth/providers-list';
import { OAuthButtons } from '@/components/auth/oauth-buttons';
import { demoSignInAction, emailSignInAction, oauthSignInAction } from './actions';

export const metadata: Metadata = { title: 'Sign in' };

const ERRORS: Record<string, string> = {
  Verification: 'That sign-in link has expired or was already used. Ask for a new one below.',
  CredentialsSignin: 'That demo person could not be signed in. Pick another one.',
  Configuration: 'That sign-in method is not available on this server.',
  AccessDenied: 'Sign-in was refused. If you asked for several links, use the newest one or wait an hour; otherwise ask the organizer for an invitation.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = ZCallbackUrl.parse(params.callbackUrl);
  const e = env();
  const people = e.demoLogin ? await listDemoPeople(getDb()) : [];
  const error = params.error ? (ERRORS[params.error] ?? 'Sign-in failed. Please try again.') : undefined;
  return (
    <div className="stack">
      <PageHeader title="Sign in to Fairground" subtitle="No password: we e-mail you a link that signs you in." />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Card>
        <div className="stack">
          <EmailSignInForm callbackUrl={callbackUrl} defaultEmail={params.email} signIn={emailSignInAction} />
          <OAuthButtons providers={oauthProviders()} callbackUrl={callbackUrl} signIn={oauthSignInAction} />
        </div>
      </Card>
      {e.demoLogin ? (
        <Card>
          <h2>Demo sign-in</h2>
          <p className="muted">This server runs in demo mode: sign in as any seeded person with one click.</p>
          <DemoPeople people={people} callbackUrl={callbackUrl} signIn={demoSignInAction} />
        </Card>
      ) : null}
    </div>
  );
}
