'use client';
import { ButtonLink } from '@/components/ui/button';
import { untilLabel, useNow } from './use-now';

/**
 * "Join" for a video chat: a link into the call while its window is open; before, when it
 * opens; after, that it has ended. Times come from the server; the clock is the viewer's.
 */
export function JoinButton({ href, opensAtIso, closesAtIso, opensLabel }: { href: string; opensAtIso: string; closesAtIso: string; opensLabel: string }) {
  const now = useNow();
  const opensAt = new Date(opensAtIso);
  const closesAt = new Date(closesAtIso);
  if (now && now >= closesAt) return <span className="small muted">Call ended</span>;
  if (now && now >= opensAt) return <ButtonLink href={href}>Join</ButtonLink>;
  return (
    <span className="row small" style={{ gap: 8 }}>
      <ButtonLink href={href} variant="secondary">Call page</ButtonLink>
      <span className="muted">Join opens {opensLabel}{now ? ` (${untilLabel(now, opensAt)})` : ''}</span>
    </span>
  );
}
