import { oauthSignInAction } from '@/app/signin/actions';
import { Button } from '@/components/ui/button';
import type { TOAuthProvider } from '@/lib/auth/providers-list';

export function OAuthButtons({ providers, callbackUrl }: { providers: TOAuthProvider[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="stack">
      <p className="muted small">or</p>
      {providers.map((p) => (
        <form key={p.id} action={oauthSignInAction}>
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
