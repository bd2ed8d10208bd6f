import { z } from 'zod';

/**
 * Two kinds of time that must never be mixed up, kept apart by brands:
 * - `Mono`: milliseconds on the host's monotonic clock. Anchors of running timers live here,
 *   because wall clocks jump (NTP, the host changing the time zone mid-meeting).
 * - `Wall`: milliseconds since the Unix epoch, only for what people read (a record's time of day,
 *   the idle screen's clock) and for re-basing anchors after the host machine rebooted.
 */
/**
 * A number read from the wire or the log is a Mono or Wall by its field. The brand exists for the
 * type checker only: parsing checks a plain number (a transform would add a step to every field
 * of every event, and a long log is read through these at each start).
 */
export const MonoSchema = z.number().brand<'Mono'>();
export const WallSchema = z.number().brand<'Wall'>();
export type Mono = z.infer<typeof MonoSchema>;
export type Wall = z.infer<typeof WallSchema>;

export const mono = (ms: number): Mono => ms as Mono;
export const wall = (ms: number): Wall => ms as Wall;

/** What the host reads time from; tests pass a fake so nothing waits on a real second. */
export interface Clock {
  now(): Mono;
  wall(): Wall;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

/**
 * Countdown text: `ceil` of the remaining seconds, so 0:00 appears exactly at the deadline and
 * not a second early; negative remaining is overtime, shown as +M:SS counting up (floor).
 */
export function formatCountdown(remainingMs: number): string {
  if (remainingMs > 0) return formatClock(Math.ceil(remainingMs / SECOND));
  const over = overtimeSeconds(-remainingMs);
  return over === 0 ? '0:00' : formatOvertime(over);
}

/**
 * The whole seconds of an overrun, as the hall's clock showed them: 30.9 s over is `+0:30`, so
 * it is 30 s. The one rounding of overtime: the screens, the clerk's steps, the report, the
 * exports, the ranking's tie-break and the penalty all count these seconds, never the
 * milliseconds behind them (a key pressed a few ms later must not cost a speaker a point).
 */
export const overtimeSeconds = (overtimeMs: number): number => (overtimeMs > 0 ? Math.floor(overtimeMs / SECOND) : 0);

/** Overtime as the hall reads it: `+M:SS` (`+H:MM:SS` from an hour). */
export const formatOvertime = (seconds: number): string => `+${formatClock(seconds)}`;

/**
 * A clock's face: `M:SS` below an hour, `H:MM:SS` from one, as a wall clock reads; a phase may
 * last up to four hours, and `240:00` is read by no one.
 */
export function formatClock(totalSeconds: number): string {
  if (totalSeconds < 3600) return formatMinutes(totalSeconds);
  const h = Math.floor(totalSeconds / 3600);
  return `${h}:${formatMinutes(totalSeconds % 3600).padStart(5, '0')}`;
}

/** `M:SS` for a whole number of seconds; minutes grow past 59 (durations in agenda files and the editor). */
export function formatMinutes(totalSeconds: number): string {
  const m = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  return `${m}:${s.toString().padStart(2, '0')}`;
}
