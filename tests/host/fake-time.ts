import type { TimerApi } from '../../src/host/due-timer';
import type { Clock, Mono, Wall } from '../../src/core/time';

/**
 * A clock and timers moved by hand: `advance` runs every timer that falls due on the way, at
 * its due instant, so scheduling is tested without waiting for a real second.
 */
export class FakeTime implements Clock, TimerApi {
  private t: number;
  private w: number;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;

  constructor(mono = 1_000_000, wall = Date.UTC(2026, 1, 14, 6, 0, 0)) {
    this.t = mono;
    this.w = wall;
  }

  now = (): Mono => this.t as Mono;
  wall = (): Wall => this.w as Wall;
  set = (fn: () => void, ms: number): unknown => {
    const id = ++this.ids;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  };
  clear = (h: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== h);
  };

  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.w += due.at - this.t;
      this.t = due.at;
      due.fn();
    }
    this.w += end - this.t;
    this.t = end;
  }
}
