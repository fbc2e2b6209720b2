import { Button } from '@/components/ui/button';
import type { TOAuthProvider } from '@/lib/auth/providers-list';

/** `signIn` is the page's OAuth sign-in server action (a form action taking provider and callbackUrl). */
export function OAuthButtons({ providers, callbackUrl, signIn }: { providers: TOAuthProvider[]; callbackUrl: string; signIn: (form: FormData) => Promise<void> }) {
  if (providers.length === 0) return null;
  return (
    <div className="stack">
      <p className="muted small">or</p>
      {providers.map((p) => (
        <form key={p.id} action={signIn}>
          <input type="hidden" name="provider" value={p.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button type="submit" variant="secondary" style={{ width: '100%' }}>
            Continue with {p.name}
          </Button>
        </form>
      ))}
    </div>
  );
}
