'use client';
import { useEffect, useRef } from 'react';

/** A short two-note chime when the number of pending requests grows (hosts only). */
export function usePendingChime(count: number | undefined, enabled: boolean) {
  const last = useRef<number | undefined>(undefined);
  useEffect(() => {
    const before = last.current;
    last.current = count;
    if (!enabled || count === undefined || before === undefined || count <= before) return;
    try {
      const ctx = new AudioContext();
      for (const [i, freq] of [660, 880].entries()) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.08, ctx.currentTime + i * 0.15);
        gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + i * 0.15 + 0.14);
        osc.connect(gain).connect(ctx.destination);
        osc.start(ctx.currentTime + i * 0.15);
        osc.stop(ctx.currentTime + i * 0.15 + 0.15);
      }
      setTimeout(() => void ctx.close(), 600);
    } catch {
      // No audio (autoplay policy or no device): the count still shows.
    }
  }, [count, enabled]);
}
