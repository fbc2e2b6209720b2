'use client';
import { useEffect, useRef, useState } from 'react';

/** Rooms warn this long before they close. */
export const WARNING_MS = 60_000;

/** Milliseconds until `endsAtIso` on the server's clock (this browser's clock plus its skew), never below 0. */
export function remainingMs(endsAtIso: string, skewMs: number, now: number = Date.now()): number {
  const end = Date.parse(endsAtIso);
  if (!Number.isFinite(end)) return 0;
  return Math.max(0, end - (now + skewMs));
}

/** "4:05", "12:00", "1:02:03": whole seconds, rounded up so 0:00 means the time is really over. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** The same in words, for screen readers: "4 minutes 5 seconds". */
export function spokenRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const m = Math.floor(total / 60);
  const sec = total % 60;
  const parts = [m ? `${m} minute${m === 1 ? '' : 's'}` : '', sec || !m ? `${sec} second${sec === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(' ');
}

/** Time left, re-read every second; `onEnd` runs once when it reaches 0 (for this `endsAtIso`). */
export function useRemaining(endsAtIso: string, skewMs: number, onEnd?: () => void): number {
  const [left, setLeft] = useState(() => remainingMs(endsAtIso, skewMs));
  const ended = useRef<string | null>(null);
  const latestOnEnd = useRef(onEnd);
  latestOnEnd.current = onEnd;
  useEffect(() => {
    const tick = () => {
      const ms = remainingMs(endsAtIso, skewMs);
      setLeft(ms);
      if (ms === 0 && ended.current !== endsAtIso) {
        ended.current = endsAtIso;
        latestOnEnd.current?.();
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [endsAtIso, skewMs]);
  return left;
}

/**
 * The rooms' countdown, shown in every room and to the hosts: the time left, a warning in the
 * last minute, and a note once it is over (the server closes the rooms and everyone returns).
 */
export function BreakoutCountdown({ endsAtIso, skewMs, onEnd }: { endsAtIso: string; skewMs: number; onEnd?: () => void }) {
  const left = useRemaining(endsAtIso, skewMs, onEnd);
  const warning = left > 0 && left <= WARNING_MS;
  return (
    <span className="row" style={{ gap: 8 }}>
      <span role="timer" aria-label={`Time left in the breakout rooms: ${spokenRemaining(left)}`} data-warning={warning || undefined} style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 700 }}>
        {formatRemaining(left)}
      </span>
      {warning ? <strong role="alert">Less than a minute left — then everyone returns to the main session.</strong> : null}
      {left === 0 ? <span role="status">Time is up: returning to the main session…</span> : null}
    </span>
  );
}
