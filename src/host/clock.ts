import type { Clock, Mono, Wall } from '../core/time';

/**
 * The host's clock: the system-wide monotonic clock (CLOCK_MONOTONIC on Linux, QPC on Windows),
 * not performance.now(), because it keeps counting across a restart of the host process, so a
 * reopened meeting's running timer resumes from its anchors without trusting the wall clock.
 */
export const systemClock: Clock = {
  now: () => (Number(process.hrtime.bigint()) / 1e6) as Mono,
  wall: () => Date.now() as Wall,
};
