import { describe, expect, it } from 'vitest';
import type { Command } from './commands';
import type { Actor } from './events';
import { computeResults } from './results';
import { defaultScoring } from './scoring.setup';
import { Rehearsal, tinyMeeting } from './test-support';

const clerk: Actor = { role: 'clerk' };
const reviewer = (reviewerId: string): Actor => ({ role: 'reviewer', reviewerId });

/** Slots a, b, c of units A, B, C; "pb" belongs to unit B. */
function panel(): Rehearsal {
  const scoring = defaultScoring();
  const reviewers = [
    { id: 'l1', name: 'L1', groupId: 'leaders', unit: '' },
    { id: 'pb', name: 'PB', groupId: 'peers', unit: 'B' },
    { id: 'u1', name: 'U1', groupId: 'users', unit: '' },
  ];
  return new Rehearsal({ ...tinyMeeting(), scoring: { ...scoring, reviewers } });
}

let n = 0;
const ballot = (slotId: string, total: string, comment = ''): Command => ({ type: 'ballot.submit', slotId, submissionId: `sub-${++n}-xxxxxx`, scores: [total], comment });
const paper = (slotId: string, reviewerId: string, total: string, entryId = `ent-${++n}-xxxxxx`): Command => ({ type: 'paper.enter', slotId, reviewerId, entryId, scores: [total], comment: '' });
const resultOf = (r: Rehearsal, slotId: string) => computeResults(r.state).find((x) => x.slotId === slotId);

describe('who may score what, when', () => {
  it('refuses a ballot before the slot opens, takes it while open, refuses it once locked', () => {
    const r = panel();
    expect(r.run(ballot('a', '90'), 1, reviewer('l1'))?.message).toBe('scoring for this slot has not opened yet');
    r.ok({ type: 'scoring.open', slotId: 'a' }, 2);
    expect(r.run(ballot('a', '90'), 3, reviewer('l1'))).toBeNull();
    r.ok({ type: 'scoring.lock', slotId: 'a' }, 4);
    expect(r.run(ballot('a', '95'), 5, reviewer('l1'))?.message).toBe('scoring for this slot is locked');
    expect(r.state.ballots.a?.l1?.scores).toEqual(['90']);
  });

  it('opens a slot for scoring when its speech phase ends', () => {
    const r = panel().ok({ type: 'timer.start' }, 0);
    expect(r.state.windows.a).toBeUndefined();
    r.ok({ type: 'phase.next' }, 4000);
    expect(r.state.windows.a).toBe('open');
    expect(r.state.openedAt.a).toBe(4000);
  });

  it('never lets a reviewer score their own unit, on the phone or on paper', () => {
    const r = panel().ok({ type: 'scoring.open', slotId: 'b' }, 1);
    expect(r.run(ballot('b', '90'), 2, reviewer('pb'))?.message).toBe('a reviewer does not score their own unit');
    expect(r.run(paper('b', 'pb', '90'), 2, clerk)?.message).toBe('a reviewer does not score their own unit');
  });

  it('refuses a score outside the criterion’s range or off its step, naming the criterion', () => {
    const r = panel().ok({ type: 'scoring.open', slotId: 'a' }, 1);
    expect(r.run(ballot('a', '100.5'), 2, reviewer('l1'))?.message).toBe('总分: 100.5 is outside 0–100');
    expect(r.run(ballot('a', '90.3'), 2, reviewer('l1'))?.message).toBe('总分: 90.3 is not a multiple of 0.5');
  });

  it('lets a reviewer change their ballot until the lock; a retried submission counts once', () => {
    const r = panel().ok({ type: 'scoring.open', slotId: 'a' }, 1);
    const first = ballot('a', '80');
    r.ok(first, 2, reviewer('l1')).ok(ballot('a', '85'), 3, reviewer('l1'));
    const events = r.events.length;
    r.ok(first, 4, reviewer('l1'));
    expect(r.events.length).toBe(events);
    expect(r.state.ballots.a?.l1?.scores).toEqual(['85']);
  });
});

describe('paper ballots', () => {
  it('count only once a second entry confirms them', () => {
    const r = panel().ok({ type: 'scoring.open', slotId: 'a' }, 1).ok(paper('a', 'l1', '88'), 2, clerk);
    expect(resultOf(r, 'a')).toMatchObject({ ballots: 0, unresolved: 1, final: null });
    r.ok(paper('a', 'l1', '88.0'), 3, clerk);
    expect(resultOf(r, 'a')).toMatchObject({ ballots: 1, unresolved: 0, final: '88.00' });
  });

  it('hold back two entries that disagree until the wrong one is discarded and the right one confirmed', () => {
    const r = panel().ok({ type: 'scoring.open', slotId: 'a' }, 1);
    r.ok(paper('a', 'l1', '88', 'first-entry'), 2, clerk).ok(paper('a', 'l1', '83', 'typo-entry'), 3, clerk);
    expect(resultOf(r, 'a')).toMatchObject({ ballots: 0, unresolved: 1 });
    r.ok({ type: 'paper.discard', slotId: 'a', reviewerId: 'l1', entryId: 'typo-entry' }, 4, clerk);
    expect(resultOf(r, 'a')).toMatchObject({ ballots: 0, unresolved: 1 });
    r.ok(paper('a', 'l1', '88'), 5, clerk);
    expect(resultOf(r, 'a')).toMatchObject({ ballots: 1, final: '88.00' });
  });

  it('are taken after the lock, since paper is typed in after the hall has voted', () => {
    const r = panel().ok({ type: 'scoring.open', slotId: 'a' }, 1).ok({ type: 'scoring.lock', slotId: 'a' }, 2);
    expect(r.run(paper('a', 'u1', '70'), 3, clerk)).toBeNull();
  });

  it('conflict with the same reviewer’s phone ballot: neither counts until the clerk chooses', () => {
    const r = panel().ok({ type: 'scoring.open', slotId: 'a' }, 1).ok(ballot('a', '90'), 2, reviewer('l1'));
    r.ok(paper('a', 'l1', '70'), 3, clerk).ok(paper('a', 'l1', '70'), 4, clerk);
    expect(resultOf(r, 'a')).toMatchObject({ ballots: 0, unresolved: 2, final: null });
    r.ok({ type: 'ballot.void', slotId: 'a', reviewerId: 'l1' }, 5, clerk);
    expect(resultOf(r, 'a')).toMatchObject({ ballots: 1, unresolved: 0, final: '70.00' });
  });

  it('are the clerk’s alone, and a phone ballot is voided only to settle a conflict', () => {
    const r = panel().ok({ type: 'scoring.open', slotId: 'a' }, 1).ok(ballot('a', '90'), 2, reviewer('l1'));
    expect(r.run(paper('a', 'u1', '70'), 3, { role: 'host' })?.message).toBe('only the clerk enters paper ballots');
    expect(r.run({ type: 'ballot.void', slotId: 'a', reviewerId: 'l1' }, 3, clerk)?.message).toBe('a phone ballot is voided only when it conflicts with a paper ballot');
  });

  it('a retried entry is kept once', () => {
    const r = panel().ok({ type: 'scoring.open', slotId: 'a' }, 1);
    const entry = paper('a', 'u1', '70');
    r.ok(entry, 2, clerk).ok(entry, 3, clerk);
    expect(r.state.paper.a?.u1).toHaveLength(1);
  });
});

describe('undo never touches ballots', () => {
  it('nor a lock: undo takes back the host’s action before it, and the slot stays locked with every ballot', () => {
    const r = panel().ok({ type: 'scoring.open', slotId: 'a' }, 1).ok(ballot('a', '90'), 2, reviewer('l1'));
    r.ok({ type: 'scoring.lock', slotId: 'a' }, 3).ok({ type: 'undo' }, 4);
    expect(r.events.at(-1)).toMatchObject({ type: 'undo.applied', undoneSeq: r.events.find((e) => e.type === 'scoring.opened')?.seq });
    expect(r.state.windows.a).toBe('locked');
    expect(r.state.ballots.a?.l1?.scores).toEqual(['90']);
  });
});

describe('results as the meeting goes on', () => {
  it('after every change equal the results worked out afresh from a copy of the state', () => {
    const r = panel();
    const weights = (leaders: string) => ({ ...r.state.scoring, groups: r.state.scoring.groups.map((g) => (g.id === 'leaders' ? { ...g, weight: leaders } : g)) });
    const steps: [() => Command | 'zero', number, Actor][] = [
      [() => ({ type: 'scoring.open', slotId: 'a' }), 1, { role: 'host' }],
      [() => ({ type: 'scoring.open', slotId: 'b' }), 2, { role: 'host' }],
      [() => ballot('a', '90'), 3, reviewer('l1')],
      [() => ballot('b', '80'), 4, reviewer('u1')],
      [() => ballot('a', '70'), 5, reviewer('u1')],
      [() => ({ type: 'timer.start' }), 10, { role: 'host' }],
      [() => 'zero', 5010, { role: 'system' }],
      [() => ({ type: 'scoring.configure', scoring: weights('0.5') }), 6000, { role: 'host' }],
      [() => paper('a', 'l1', '60'), 6001, clerk],
      [() => paper('a', 'l1', '60'), 6002, clerk],
      [() => ({ type: 'ballot.void', slotId: 'a', reviewerId: 'l1' }), 6003, clerk],
      [() => ({ type: 'slot.edit', slotId: 'b', fields: { unit: 'B2' } }), 6004, { role: 'host' }],
    ];
    for (const [step, at, by] of steps) {
      const command = step();
      if (command === 'zero') r.boundary('zero', at);
      else r.ok(command, at, by);
      expect(computeResults(r.state)).toEqual(computeResults(structuredClone(r.state)));
    }
    // The comparison was made on moving figures: the cut-off, the weights, the void and the edit all show.
    expect(resultOf(r, 'a')).toMatchObject({ cutoff: true, ballots: 2 });
    expect(resultOf(r, 'b')).toMatchObject({ unit: 'B2', ballots: 1 });
    expect(resultOf(r, 'a')?.groups.find((g) => g.groupId === 'leaders')?.weight).toBe('0.5');
  });
});
