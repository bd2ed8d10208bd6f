import { BALLOT_PACE, paceWait } from '../core/ballot-pace';

/**
 * The instants at which each reviewer's ballot for each slot was taken, as many as the pace looks
 * at. Kept in memory: a restart forgets them, which costs a flood no more than one window.
 */
export class BallotPace {
  private taken = new Map<string, number[]>();

  constructor(private readonly pace: { count: number; windowMs: number } = BALLOT_PACE) {}

  /** Takes a submission now and gives 0, or gives how long until one is taken and takes nothing. */
  take(reviewerId: string, slotId: string, now: number): number {
    const key = `${reviewerId}\u0000${slotId}`;
    const before = this.taken.get(key) ?? [];
    const wait = paceWait(before, now, this.pace);
    if (wait === 0) this.taken.set(key, [...before, now].slice(-this.pace.count));
    return wait;
  }
}
