'use client';
import { useEffect, useState } from 'react';
import { formatClock, viewerClockLabel } from '@/lib/time/format';

/** Opening hours in the event's zone, with the viewer's own clock beside them when it differs. */
export function DayHours({ opensAtIso, closesAtIso, opensAt, closesAt, eventZone }: { opensAtIso: string; closesAtIso: string; opensAt: string; closesAt: string; eventZone: string }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (viewerZone === eventZone) return;
    const label = (iso: string) => viewerClockLabel(new Date(iso), eventZone, viewerZone);
    setLocal(`${label(opensAtIso)} – ${label(closesAtIso)} your time`);
  }, [opensAtIso, closesAtIso, eventZone]);
  return (
    <span>
      {formatClock(opensAt)} – {formatClock(closesAt)} <span className="muted small">({eventZone})</span>
      {local ? <span className="muted small"> · {local}</span> : null}
    </span>
  );
}
