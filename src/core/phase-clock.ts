import type { PhaseSpec } from './meeting';
import type { Boundary, Live } from './state';
import type { Mono } from './time';

/** Milliseconds the live phase has run by `now`. Never negative, never runs backwards. */
export function elapsedAt(live: Live, now: Mono): number {
  if (live.startedAt === null) return live.elapsedBefore;
  return live.elapsedBefore + Math.max(0, now - live.startedAt);
}

export const grantedMs = (live: Live, spec: PhaseSpec): number => Math.max(0, spec.durationMs + live.adjustMs);

/** Remaining time; negative is overtime. A cut-off phase rests at exactly 0. */
export function remainingAt(live: Live, spec: PhaseSpec, now: Mono): number {
  return grantedMs(live, spec) - elapsedAt(live, now);
}

/** Remaining time at which a boundary is crossed, or null when the phase has none. */
export function boundaryThreshold(spec: PhaseSpec, b: Boundary): number | null {
  if (b === 'warning') return spec.warningMs;
  if (b === 'danger') return spec.dangerMs;
  return 0;
}

const ORDER: readonly Boundary[] = ['warning', 'danger', 'zero'];

/** Boundaries already behind a phase whose remaining time is `remaining` (used to re-arm after ±time). */
export function passedBoundaries(spec: PhaseSpec, remaining: number): Boundary[] {
  return ORDER.filter((b) => {
    const t = boundaryThreshold(spec, b);
    return t !== null && remaining <= t;
  });
}

/**
 * The next boundary of a running phase and the exact instant it is due, so the host can arm
 * one timer for it instead of polling. Null when paused, stopped or nothing is left to fire.
 */
export function nextBoundary(live: Live, spec: PhaseSpec): { boundary: Boundary; dueAt: Mono } | null {
  if (live.mode !== 'running' || live.startedAt === null) return null;
  const granted = grantedMs(live, spec);
  let best: { boundary: Boundary; dueAt: Mono } | null = null;
  for (const b of ORDER) {
    const t = boundaryThreshold(spec, b);
    if (t === null || live.fired.includes(b)) continue;
    const dueAt = (live.startedAt + (granted - t - live.elapsedBefore)) as Mono;
    if (best === null || dueAt < best.dueAt) best = { boundary: b, dueAt };
  }
  return best;
}

export type Stage = 'ready' | 'normal' | 'warning' | 'danger' | 'cutoff' | 'overtime' | 'paused';

/**
 * What a screen shows for a phase at `now`. Computed by every view each frame from the anchors,
 * so the cut-off screen appears at the deadline itself, not when the host's message arrives.
 */
export function stageAt(live: Live, spec: PhaseSpec, now: Mono): Stage {
  if (live.mode === 'ready') return 'ready';
  const remaining = remainingAt(live, spec, now);
  if (remaining <= 0) {
    if (spec.cutoff === 'hard' && !live.letFinish) return 'cutoff';
    return live.mode === 'paused' ? 'paused' : 'overtime';
  }
  if (live.mode === 'paused') return 'paused';
  if (spec.dangerMs !== null && remaining <= spec.dangerMs) return 'danger';
  if (spec.warningMs !== null && remaining <= spec.warningMs) return 'warning';
  return 'normal';
}

/** Remaining time as shown: a hard phase that is not let to finish never shows below 0:00. */
export function shownRemaining(live: Live, spec: PhaseSpec, now: Mono): number {
  const remaining = remainingAt(live, spec, now);
  return spec.cutoff === 'hard' && !live.letFinish ? Math.max(0, remaining) : remaining;
}
