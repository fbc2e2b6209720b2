/** Minutes a conversation lasts when the desk has no history yet. */
export const DEFAULT_CONVERSATION_MINUTES = 5;

/**
 * Estimated wait for the person at `position`: with every place taken, a place frees about every
 * `typical / places` minutes, and they need `position` of them. Typical is the median of recent
 * conversation lengths: one forgotten, hours-long conversation does not inflate every estimate.
 */
export function estimateWaitMinutes(position: number, places: number, recentMinutes: number[]): number | null {
  if (position < 1) return 0;
  if (places < 1) return null;
  const sorted = [...recentMinutes].filter((m) => Number.isFinite(m) && m > 0).sort((a, b) => a - b);
  const typical = sorted.length === 0 ? DEFAULT_CONVERSATION_MINUTES : sorted[Math.floor(sorted.length / 2)]!;
  return Math.max(1, Math.ceil((position * typical) / places));
}
