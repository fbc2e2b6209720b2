import os from 'node:os';

/** The p-th percentile (nearest rank) of the values; NaN for none. Does not change `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Milliseconds with one decimal. */
export const ms = (v: number) => v.toFixed(1);

/** "p50 X ms, p99 Y ms" (and more percentiles when asked) of latencies in milliseconds. */
export function percentiles(values: readonly number[], ps: number[] = [50, 99], digits = 1): string {
  return ps.map((p) => `p${p} ${percentile(values, p).toFixed(digits)} ms`).join(', ');
}

/** The 1-minute load average: other work on the (shared) machine skews every figure. */
export const loadAverage = () => os.loadavg()[0]!.toFixed(2);
