/**
 * Estimates the host's monotonic clock from this view's own, NTP-style: each ping/pong gives an
 * offset whose error is at most half its round trip, so the sample with the shortest round trip
 * among the recent ones is the most trustworthy. A phone whose wall clock is minutes wrong still
 * shows the right time, because wall clocks are never used.
 */
export class ClockSync {
  private samples: { offset: number; rtt: number }[] = [];

  constructor(private readonly keep = 8) {}

  /** t0 and t1: this view's clock when the ping left and the pong arrived; hostNow: the host's clock in between. */
  add(t0: number, t1: number, hostNow: number): void {
    const rtt = t1 - t0;
    if (rtt < 0) return;
    this.samples = [...this.samples, { offset: hostNow - (t0 + t1) / 2, rtt }].slice(-this.keep);
  }

  /** Seeds the estimate from the welcome message until the first pong arrives. */
  seed(localNow: number, hostNow: number): void {
    if (this.samples.length === 0) this.samples = [{ offset: hostNow - localNow, rtt: Number.POSITIVE_INFINITY }];
  }

  get offset(): number {
    let best = this.samples[0];
    for (const s of this.samples) if (best === undefined || s.rtt < best.rtt) best = s;
    return best?.offset ?? 0;
  }

  get roundTrip(): number {
    return Math.min(...this.samples.map((s) => s.rtt));
  }
}
