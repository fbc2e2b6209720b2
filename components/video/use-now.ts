'use client';
import { useEffect, useState } from 'react';

/** The current time, re-read every `everyMs`; null before hydration so server and client agree. */
export function useNow(everyMs = 15_000): Date | null {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const t = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

/** "in 12 min", "in 2 h 5 min" */
export function untilLabel(from: Date, to: Date): string {
  const mins = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / 60_000));
  if (mins < 60) return `in ${mins} min`;
  const h = Math.floor(mins / 60);
  const m = mins % 60;
  return m ? `in ${h} h ${m} min` : `in ${h} h`;
}
