import type { MeetingState } from '../core/state';
import type { Clock, Mono } from '../core/time';
import type { MeetingEngine } from './meeting-engine';

/** Timers that a test can drive by hand; the real ones are Node's. */
export interface TimerApi {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  /**
   * Holds the loop for `ms` milliseconds, for timers that wake on a millisecond loop clock: the
   * timer wakes early and waits out the rest. A test's timers fire on the instant and have none.
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
 * millisecond or two late. For what must happen on the instant (a boundary), the timer wakes this
 * much early and waits out the rest on the spot, holding the loop for at most that long. Polling
 * the loop's turns instead (an earlier design) allocated on every turn, thousands of times a
 * boundary: the garbage brought the young generation's collections, and their pauses, to just
 * before the instants they were for.
 */
const WAKE_EARLY_MS = 2;

/**
 * Something due whose event could not be written (a full disk) is tried again after this long,
 * not at once: the failed write is taken back, which re-arms the same, already due, thing.
 */
export const RETRY_MS = 1000;

/** Something the host does by itself at an instant: a boundary, a slot locking itself. */
export interface Due {
  /** What it is: while the earliest due thing keeps its key and instant, the timer is left as armed. */
  key: string;
  dueAt: Mono;
  /** On the instant itself (woken early, the rest waited out), or as Node's timers give it. */
  precise: boolean;
  /** Records it; false when it could not be written. */
  fire(): Promise<boolean>;
}

/** The next thing a part of the meeting's rules has due, or null. */
export type DueSource = (state: MeetingState) => Due | null;

/**
 * The host's one timer: armed for the earliest thing due across every source, re-armed after each
 * change (start, pause, ±time, undo, a slot opening), so nothing polls and nothing due is found
 * late by a tick. It never fires before the instant.
 */
export class DueTimer {
  private handle: unknown = null;
  private armedFor: string | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly engine: MeetingEngine,
    private readonly clock: Clock,
    private readonly sources: readonly DueSource[],
    private readonly timers: TimerApi = nodeTimers,
  ) {
    this.unsubscribe = engine.onApplied(() => this.rearm());
    this.rearm();
  }

  private rearm(): void {
    const state = this.engine.decided();
    let next: Due | null = null;
    for (const source of this.sources) {
      const due = source(state);
      if (due && (next === null || due.dueAt < next.dueAt)) next = due;
    }
    const key = next && `${next.key}@${next.dueAt}`;
    if (key === this.armedFor) return;
    this.cancel();
    if (!next) return;
    this.armedFor = key;
    this.arm(next);
  }

  private arm(due: Due): void {
    const check = () => {
      const left = due.dueAt - this.clock.now();
      // Whatever woke us: sleep again when far, wait out the rest when near, never fire early.
      if (left > WAKE_EARLY_MS + 1) return this.arm(due);
      if (left > 0 && due.precise) this.timers.waitOut?.(left);
      if (this.clock.now() < due.dueAt) return this.arm(due);
      this.handle = null;
      this.armedFor = null;
      void due.fire().then((ok) => ok || this.retryLater());
    };
    const wait = due.dueAt - this.clock.now();
    // Timers that fire on the instant (a test's) are simply set for it.
    const early = due.precise && this.timers.waitOut !== undefined;
    this.handle = this.timers.set(check, Math.max(0, early ? Math.floor(wait - WAKE_EARLY_MS) : Math.ceil(wait)));
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
