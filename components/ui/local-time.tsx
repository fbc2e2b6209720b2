'use client';
import { useEffect, useState } from 'react';
import { dateTimeFormatter } from '@/lib/time/format';

// What the server and the browser's first render both show: the same text, so hydration matches.
const neutral = dateTimeFormatter('UTC', 'en-GB');

/**
 * An instant in the viewer's own zone and locale, 24-hour clock. The server cannot know either,
 * so it renders UTC (labelled) and the browser swaps in local time after hydration.
 */
export function LocalTime({ iso }: { iso: string }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => setLocal(dateTimeFormatter().format(new Date(iso))), [iso]);
  return <time dateTime={iso}>{local ?? `${neutral.format(new Date(iso))} UTC`}</time>;
}
