'use client';
import { useEffect, useState } from 'react';
import { calendarDay, formatClock, viewerClockLabel } from '@/lib/time/format';

/** Opening hours in the event's zone, with the viewer's own clock beside them when it differs. */
export function DayHours({ opensAtIso, closesAtIso, opensAt, closesAt, eventZone }: { opensAtIso: string; closesAtIso: string; opensAt: string; closesAt: string; eventZone: string }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (viewerZone === eventZone) return;
    // Hours that span two of the viewer's days name the day at both ends: "Mon 30 Nov, 23:00 –
    // Tue 1 Dec, 22:45", not "Mon 30 Nov, 23:00 – 22:45", which reads as ending before it starts.
    const withDay = calendarDay(new Date(opensAtIso), viewerZone) !== calendarDay(new Date(closesAtIso), viewerZone);
    const label = (iso: string) => viewerClockLabel(new Date(iso), eventZone, viewerZone, undefined, { withDay });
    setLocal(`${label(opensAtIso)} – ${label(closesAtIso)} your time`);
  }, [opensAtIso, closesAtIso, eventZone]);
  return (
    <span>
      {formatClock(opensAt)} – {formatClock(closesAt)} <span className="muted small">({eventZone})</span>
      {local ? <span className="muted small"> · {local}</span> : null}
    </span>
  );
}
