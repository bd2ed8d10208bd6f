import { describe, expect, it } from 'vitest';
import { apply } from './apply';
import { paceWait, SUBMISSIONS_KEPT } from './ballot-pace';
import type { MeetingEvent } from './events';
import { Rehearsal } from './test-support';
import type { Mono, Wall } from './time';

const pace = { count: 3, windowMs: 60_000 };

describe('the pace of a reviewer’s submissions of one ballot', () => {
  it('takes the first few at once', () => {
    expect(paceWait([], 0, pace)).toBe(0);
    expect(paceWait([0, 1000], 2000, pace)).toBe(0);
  });

  it('then waits until the oldest of them has left the window', () => {
    expect(paceWait([0, 1000, 2000], 2000, pace)).toBe(58_000);
    expect(paceWait([0, 1000, 2000], 59_999, pace)).toBe(1);
    expect(paceWait([0, 1000, 2000], 60_000, pace)).toBe(0);
    // Only the recent ones count: an old burst does not hold up today's ballot.
    expect(paceWait([0, 1, 2, 100_000, 100_001], 100_002, pace)).toBe(0);
  });
});

describe('a ballot’s memory of its submissions', () => {
  it('keeps only the newest ids: its size no longer grows with each change', () => {
    const r = new Rehearsal().ok({ type: 'scoring.open', slotId: 'a' }, 0);
    let state = r.state;
    for (let i = 0; i < SUBMISSIONS_KEPT + 5; i++) {
      const e = { type: 'ballot.submitted', slotId: 'a', reviewerId: 'l1', submissionId: `sub-${i}`, scores: ['80'], comment: '', seq: state.seq + 1, at: i as Mono, wall: i as Wall, by: { role: 'reviewer', reviewerId: 'l1' } } as MeetingEvent;
      state = apply(state, e);
    }
    const kept = state.ballots['a']?.['l1']?.submissions ?? [];
    expect(kept).toHaveLength(SUBMISSIONS_KEPT);
    expect(kept.at(-1)).toBe(`sub-${SUBMISSIONS_KEPT + 4}`);
  });
});
