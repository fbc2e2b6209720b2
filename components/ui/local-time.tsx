'use client';
import { useEffect, useState } from 'react';
import { dateTimeFormatter, zoneLabel } from '@/lib/time/format';

// What the server and the browser's first render both show: the same text, so hydration matches.
const neutral = dateTimeFormatter('UTC', 'en-GB');

/**
 * An instant in the viewer's own zone and locale, 24-hour clock, with the zone named ("1 Dec 2026,
 * 20:35 CET"): it sits beside times in the event's zone (a notification's chat time), so an
 * unnamed clock read two ways. The server cannot know the viewer's zone or locale, so it renders
 * UTC (labelled) and the browser swaps in local time after hydration.
 */
export function LocalTime({ iso }: { iso: string }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    const at = new Date(iso);
    setLocal(`${dateTimeFormatter().format(at)} ${zoneLabel(Intl.DateTimeFormat().resolvedOptions().timeZone, at)}`);
  }, [iso]);
  return <time dateTime={iso}>{local ?? `${neutral.format(new Date(iso))} UTC`}</time>;
}
