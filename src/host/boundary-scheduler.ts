import { nextBoundary } from '../core/phase-clock';
import { livePhase } from '../core/rules';
import type { Clock, Mono } from '../core/time';
import type { MeetingEngine } from './meeting-engine';

/** Timers that a test can drive by hand; the real ones are Node's. */
export interface TimerApi {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  /** Runs `fn` on the next turn of the event loop, after pending I/O: to poll the last moments before an instant. */
  immediate?(fn: () => void): unknown;
}

type NodeHandle = { timeout: NodeJS.Timeout } | { immediate: NodeJS.Immediate };

export const nodeTimers: TimerApi = {
  set: (fn, ms) => ({ timeout: setTimeout(fn, ms) }),
  immediate: (fn) => ({ immediate: setImmediate(fn) }),
  clear: (h) => {
    const handle = h as NodeHandle;
    if ('timeout' in handle) clearTimeout(handle.timeout);
    else clearImmediate(handle.immediate);
  },
};

/**
 * Node's timers run on a millisecond loop clock: one set for the due instant fires up to a
 * millisecond or two late. The scheduler wakes this much early and polls the rest of the way on
 * the loop's turns, which keeps serving sockets meanwhile.
 */
const WAKE_EARLY_MS = 3;

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
    const state = this.engine.current();
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
      // Never fire before the instant, whatever woke us: sleep or poll again for the remainder.
      if (this.clock.now() < dueAt) return this.arm(slotId, phaseIndex, boundary, dueAt);
      this.handle = null;
      this.armedFor = null;
      void this.engine.recordSystem({ type: 'boundary.reached', slotId, phaseIndex, boundary }, dueAt);
    };
    const wait = dueAt - this.clock.now();
    // Timers that cannot poll (a test's) are simply set for the instant.
    if (!this.timers.immediate) this.handle = this.timers.set(check, Math.max(0, Math.ceil(wait)));
    else if (wait > WAKE_EARLY_MS) this.handle = this.timers.set(check, Math.floor(wait - WAKE_EARLY_MS));
    else this.handle = this.timers.immediate(check);
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
