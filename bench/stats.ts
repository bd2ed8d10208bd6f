import { performance } from 'node:perf_hooks';

/** This machine's clock as epoch milliseconds: what stamps taken in different processes (a browser's, the phones') are set beside. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

/** Nearest-rank percentile (p in 0..100) of samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export const max = (samples: readonly number[]): number => samples.reduce((m, x) => Math.max(m, x), -Infinity);
export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;
