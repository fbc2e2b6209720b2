/** Reconnect delay: exponential from 1 s, capped at 30 s, with jitter so a restarted server
 * is not hit by every browser in the same instant. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.5 + random() * 0.5));
}
