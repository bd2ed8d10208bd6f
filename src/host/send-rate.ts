/**
 * How often one sender may be heard: a bucket of `burst` packets that refills at `perSecond`.
 * A Stream Deck press is one packet; a guessing burst empties the bucket at once and the rest is
 * dropped unread. Senders are forgotten oldest first past `senders`, so forged source addresses
 * cannot grow the table without end.
 */
export class SendRate {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly now: () => number,
    private readonly limits = { burst: 20, perSecond: 10, senders: 256 },
  ) {}

  /** Whether this sender may be heard now (taking one packet from its bucket if so). */
  take(sender: string): boolean {
    const t = this.now();
    const last = this.buckets.get(sender);
    const tokens = last ? Math.min(this.limits.burst, last.tokens + ((t - last.at) / 1000) * this.limits.perSecond) : this.limits.burst;
    this.buckets.delete(sender);
    if (this.buckets.size >= this.limits.senders) this.buckets.delete(this.buckets.keys().next().value as string);
    const allowed = tokens >= 1;
    this.buckets.set(sender, { tokens: allowed ? tokens - 1 : tokens, at: t });
    return allowed;
  }
}
