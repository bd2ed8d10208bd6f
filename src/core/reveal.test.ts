import { describe, expect, it } from 'vitest';
import { defaultScoring } from './scoring.setup';
import { Rehearsal } from './test-support';

/** Slot a heard, scored and locked, the host now between speakers with b called up. */
function scoredA(): Rehearsal {
  return new Rehearsal()
    .ok({ type: 'scoring.configure', scoring: { ...defaultScoring(), reviewers: [{ id: 'l1', name: 'L', groupId: 'leaders', unit: '' }] } }, 0)
    .ok({ type: 'timer.start' }, 10)
    .ok({ type: 'slot.next' }, 1000)
    .ok({ type: 'ballot.submit', slotId: 'a', submissionId: 'submission-1', scores: ['85.5'], comment: '' }, 1100, { role: 'reviewer', reviewerId: 'l1' })
    // Only a locked slot's score goes on the screens.
    .ok({ type: 'scoring.lock', slotId: 'a' }, 1150);
}

describe('the clock always wins over revealed results', () => {
  it('starting the next speaker takes a revealed score off the screens; undo puts it back', () => {
    const r = scoredA().ok({ type: 'results.reveal', reveal: { kind: 'slot', slotId: 'a' } }, 1200);
    expect(r.state.reveal).toEqual({ kind: 'slot', slotId: 'a' });
    r.ok({ type: 'timer.start' }, 1300);
    expect(r.state.live?.mode).toBe('running');
    expect(r.state.reveal).toBeNull();
    r.ok({ type: 'undo' }, 1400);
    expect(r.state.reveal).toEqual({ kind: 'slot', slotId: 'a' });
    expect(r.state.live?.mode).toBe('ready');
  });

  it('calling another speaker takes the ranking off the screens', () => {
    const r = scoredA().ok({ type: 'results.reveal', reveal: { kind: 'ranking', shown: 1 } }, 1200);
    r.ok({ type: 'slot.next' }, 1300);
    expect(r.state.live?.slotId).toBe('c');
    expect(r.state.reveal).toBeNull();
  });

  it('a reveal while a speaker’s clock runs, is paused or has cut them off is refused with the reason', () => {
    const r = scoredA().ok({ type: 'timer.start' }, 1200);
    const reveal = { type: 'results.reveal', reveal: { kind: 'slot', slotId: 'a' } } as const;
    expect(r.run(reveal, 1300)).toMatchObject({ code: 'not_allowed', message: expect.stringContaining('between speakers') });
    r.ok({ type: 'timer.pause' }, 1400);
    expect(r.run({ type: 'results.reveal', reveal: { kind: 'ranking', shown: 1 } }, 1500)?.code).toBe('not_allowed');
    r.ok({ type: 'timer.resume' }, 1600).boundary('zero', 6200);
    expect(r.state.live?.mode).toBe('cutoff');
    expect(r.run(reveal, 6300)?.code).toBe('not_allowed');
    expect(r.state.reveal).toBeNull();
    // Between speakers it is allowed again.
    r.ok({ type: 'slot.next' }, 6400).ok(reveal, 6500);
    expect(r.state.reveal).toEqual({ kind: 'slot', slotId: 'a' });
  });

});
