'use client';
import { useEffect, useState } from 'react';
import { viewerClockLabel } from '@/lib/time/format';

/**
 * An instant in the event's zone (as rendered on the server), plus the viewer's own clock when
 * their zone differs — so nobody has to convert time zones in their head.
 */
export function When({ iso, eventLabel, eventZone }: { iso: string; eventLabel: string; eventZone: string }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (viewerZone === eventZone) return;
    setLocal(viewerClockLabel(new Date(iso), eventZone, viewerZone));
  }, [iso, eventZone]);
  return (
    <span>
      {eventLabel} ({eventZone}){local ? <span className="small"> · {local} your time</span> : null}
    </span>
  );
}
