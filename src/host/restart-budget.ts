/**
 * When to start a host that died again, and when to stop trying. A host that dies now and then
 * (a bug on one path, the machine short of memory) is started again after a growing pause; one
 * that dies again and again is failing at start-up, and restarting it forever only hides why.
 */
export class RestartBudget {
  private deaths: number[] = [];

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 60_000,
    private readonly backoffMs: readonly number[] = [500, 1_000, 2_000, 4_000, 8_000],
  ) {}

  /** A death at `now`: how long to wait before the next start, or why not to start again. */
  died(now: number): { restartInMs: number } | { giveUp: string } {
    this.deaths = [...this.deaths.filter((t) => now - t < this.windowMs), now];
    if (this.deaths.length >= this.limit) return { giveUp: `the host stopped ${this.deaths.length} times within ${this.windowMs / 1000} s` };
    const i = Math.min(this.deaths.length - 1, this.backoffMs.length - 1);
    return { restartInMs: this.backoffMs[i] ?? 0 };
  }
}
