import { describe, expect, it } from 'vitest';
import { nextAutoLock } from './auto-lock';
import { defaultScoring } from './scoring.setup';
import { Rehearsal, tinyMeeting } from './test-support';

const withAutoLock = (minutes: number | null) => {
  const scoring = defaultScoring();
  return new Rehearsal({ ...tinyMeeting(), scoring: { ...scoring, rules: { ...scoring.rules, autoLockMinutes: minutes } } });
};

describe('automatic lock', () => {
  it('is off by default: only the host locks', () => {
    const r = new Rehearsal().ok({ type: 'scoring.open', slotId: 'a' }, 1000);
    expect(nextAutoLock(r.state)).toBeNull();
  });

  it('falls due N minutes after the slot opened, earliest first', () => {
    const r = withAutoLock(3).ok({ type: 'scoring.open', slotId: 'b' }, 5000).ok({ type: 'scoring.open', slotId: 'a' }, 9000);
    expect(nextAutoLock(r.state)).toEqual({ slotId: 'b', dueAt: 5000 + 180_000 });
    r.ok({ type: 'scoring.lock', slotId: 'b' }, 10_000);
    expect(nextAutoLock(r.state)).toEqual({ slotId: 'a', dueAt: 9000 + 180_000 });
  });

  it('counts again from a reopening', () => {
    const r = withAutoLock(2).ok({ type: 'scoring.open', slotId: 'a' }, 0).ok({ type: 'scoring.lock', slotId: 'a' }, 1000).ok({ type: 'scoring.reopen', slotId: 'a', reason: 'a late paper ballot' }, 60_000);
    expect(nextAutoLock(r.state)).toEqual({ slotId: 'a', dueAt: 60_000 + 120_000 });
  });
});
