import { nextBoundary } from '../core/phase-clock';
import { livePhase } from '../core/rules';
import type { Clock, Mono } from '../core/time';
import type { MeetingEngine } from './meeting-engine';

/** Timers that a test can drive by hand; the real ones are Node's. */
export interface TimerApi {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  /**
   * Holds the loop for `ms` milliseconds, for timers that wake on a millisecond loop clock: the
   * scheduler wakes early and waits out the rest. A test's timers fire on the instant and have none.
   */
  waitOut?(ms: number): void;
}

export const nodeTimers: TimerApi = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
  waitOut: (ms) => {
    // Compared as bigints, which the optimised loop does without allocating: a clock read as a
    // number allocates on every turn, and the garbage brings a collection's pause right to the
    // instant being waited for.
    const until = process.hrtime.bigint() + BigInt(Math.ceil(ms * 1e6));
    while (process.hrtime.bigint() < until) {
      // At most WAKE_EARLY_MS, plus the loop clock's truncation.
    }
  },
};

/**
 * Node's timers run on a millisecond loop clock: one set for the due instant fires up to a
 * millisecond or two late. The scheduler wakes this much early and waits out the rest on the
 * spot, holding the loop for at most that long. Polling the loop's turns instead (an earlier
 * design) allocated on every turn, thousands of times a boundary: the garbage brought the young
 * generation's collections, and their pauses, to just before the instants they were for.
 */
const WAKE_EARLY_MS = 2;

/**
 * A boundary whose event could not be written (a full disk) is tried again after this long, not
 * at once: the failed write is taken back, which re-arms the same, already due, boundary.
 */
export const RETRY_MS = 1000;

/**
 * Fires warning, danger and 0:00 at their exact due instants. One timer is armed for the next
 * boundary and re-armed after every change (start, pause, ±time, undo), so nothing polls and a
 * boundary is never found late by a tick. The event is stamped with the due instant itself.
 */
export class BoundaryScheduler {
  private handle: unknown = null;
  private armedFor: string | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly engine: MeetingEngine,
    private readonly clock: Clock,
    private readonly timers: TimerApi = nodeTimers,
  ) {
    this.unsubscribe = engine.onApplied(() => this.rearm());
    this.rearm();
  }

  private rearm(): void {
    const state = this.engine.decided();
    const phase = livePhase(state);
    const next = phase && nextBoundary(phase.live, phase.spec);
    const key = next && `${phase.live.slotId}/${phase.live.phaseIndex}/${next.boundary}/${next.dueAt}`;
    if (key === this.armedFor) return;
    this.cancel();
    if (!next || !phase) return;
    this.armedFor = key;
    this.arm(phase.live.slotId, phase.live.phaseIndex, next.boundary, next.dueAt);
  }

  private arm(slotId: string, phaseIndex: number, boundary: 'warning' | 'danger' | 'zero', dueAt: Mono): void {
    const check = () => {
      const left = dueAt - this.clock.now();
      // Never fire before the instant, whatever woke us: sleep again when far, wait out the rest when near.
      if (left > WAKE_EARLY_MS + 1) return this.arm(slotId, phaseIndex, boundary, dueAt);
      if (left > 0) this.timers.waitOut?.(left);
      if (this.clock.now() < dueAt) return this.arm(slotId, phaseIndex, boundary, dueAt);
      this.handle = null;
      this.armedFor = null;
      void this.engine.recordSystem({ type: 'boundary.reached', slotId, phaseIndex, boundary }, dueAt).then((outcome) => outcome.ok || this.retryLater());
    };
    const wait = dueAt - this.clock.now();
    // Timers that fire on the instant (a test's) are simply set for it.
    this.handle = this.timers.set(check, Math.max(0, this.timers.waitOut ? Math.floor(wait - WAKE_EARLY_MS) : Math.ceil(wait)));
  }

  private retryLater(): void {
    this.cancel();
    this.handle = this.timers.set(() => {
      this.handle = null;
      this.rearm();
    }, RETRY_MS);
  }

  private cancel(): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
    this.armedFor = null;
  }

  stop(): void {
    this.cancel();
    this.unsubscribe();
  }
}
