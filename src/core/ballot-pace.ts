/**
 * How often a reviewer may hand in one slot's ballot: enough to fix a slip several times over, not
 * enough to flood the meeting's log (every accepted ballot is an event on disk, kept for good).
 */
export const BALLOT_PACE = { count: 6, windowMs: 60_000 } as const;

/** The submission ids a ballot remembers to recognise a retry: a phone only ever retries its newest. */
export const SUBMISSIONS_KEPT = 20;

/**
 * How long before another submission of the same ballot is taken (0: now), given the instants of
 * the ones taken before it: at most `count` within any `windowMs`.
 */
export function paceWait(taken: readonly number[], now: number, pace: { count: number; windowMs: number } = BALLOT_PACE): number {
  const recent = taken.filter((t) => now - t < pace.windowMs);
  if (recent.length < pace.count) return 0;
  // The next one is taken once enough of the recent ones have left the window.
  const leaving = recent[recent.length - pace.count] ?? now;
  return Math.max(0, leaving + pace.windowMs - now);
}
