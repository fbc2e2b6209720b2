'use client';
import { ButtonLink } from '@/components/ui/button';
import { untilLabel, useNow } from '@/components/video/use-now';

/** "Enter" while the room is open; before, when it opens; after, that the session ended. */
export function EnterButton({ href, title, opensAtIso, endsAtIso, opensLabel }: { href: string; title: string; opensAtIso: string; endsAtIso: string; opensLabel: string }) {
  const now = useNow();
  const opensAt = new Date(opensAtIso);
  if (now && now >= new Date(endsAtIso)) return <span className="small muted">Session ended</span>;
  if (now && now >= opensAt) {
    return (
      <span aria-label={`Enter ${title}`} style={{ display: 'contents' }}>
        <ButtonLink href={href}>Enter</ButtonLink>
      </span>
    );
  }
  return <span className="small muted">Opens {opensLabel}{now ? ` (${untilLabel(now, opensAt)})` : ''}</span>;
}
