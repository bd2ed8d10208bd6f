import { nextAutoLock } from '../core/auto-lock';
import type { Clock } from '../core/time';
import type { TimerApi } from './boundary-scheduler';
import { nodeTimers, RETRY_MS } from './boundary-scheduler';
import type { MeetingEngine } from './meeting-engine';

/**
 * Locks a slot N minutes after it opened, when the meeting's rules say so. Like the boundary
 * scheduler: one timer for the earliest due lock, re-armed after every change, never a poll.
 */
export class AutoLockScheduler {
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
    const next = nextAutoLock(this.engine.decided());
    const key = next && `${next.slotId}/${next.dueAt}`;
    if (key === this.armedFor) return;
    this.cancel();
    if (!next) return;
    this.armedFor = key;
    this.handle = this.timers.set(
      () => {
        this.handle = null;
        this.armedFor = null;
        if (this.clock.now() < next.dueAt) return this.rearm();
        void this.engine.recordSystem({ type: 'scoring.locked', slotId: next.slotId }, next.dueAt).then((outcome) => outcome.ok || this.retryLater());
      },
      Math.max(0, Math.ceil(next.dueAt - this.clock.now())),
    );
  }

  /** As the boundary scheduler: a lock that could not be written is tried again later, not at once. */
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
