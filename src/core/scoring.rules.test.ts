import { describe, expect, it } from 'vitest';
import type { Command } from './commands';
import type { Actor } from './events';
import { computeResults } from './results';
import { defaultScoring, ScoringSetupSchema } from './scoring.setup';
import type { ScoringSetup } from './scoring.setup';
import { resultsTable } from './tables';
import { Rehearsal, tinyMeeting } from './test-support';

const clerk: Actor = { role: 'clerk' };
const reviewer = (reviewerId: string): Actor => ({ role: 'reviewer', reviewerId });
let n = 0;
const ballot = (slotId: string, total: string): Command => ({ type: 'ballot.submit', slotId, submissionId: `sub-${++n}-xxxxxx`, scores: [total], comment: '' });
const resultOf = (r: Rehearsal, slotId: string) => computeResults(r.state).find((x) => x.slotId === slotId);

/** A jury (the heaviest group, id "jury") and the public; one reviewer each. */
function juryAndPublic(tieBreakGroupId: string | null = null): ScoringSetup {
  const base = defaultScoring();
  return {
    ...base,
    groups: [
      { id: 'public', name: '大众', weight: '0.4' },
      { id: 'jury', name: '评审团', weight: '0.6' },
    ],
    reviewers: [
      { id: 'j1', name: 'J1', groupId: 'jury', unit: '' },
      { id: 'p1', name: 'P1', groupId: 'public', unit: '' },
    ],
    rules: { ...base.rules, penaltyPerInterval: '1', penaltyIntervalSeconds: 30, tieBreakGroupId },
  };
}

const meeting = (scoring: ScoringSetup) => new Rehearsal({ ...tinyMeeting(), scoring });

/** Slot "a" speaks 5 s, is cut off, let finish, and stops `overMs` after its 0:00. */
function overran(r: Rehearsal, overMs: number): Rehearsal {
  return r.ok({ type: 'timer.start' }, 0).boundary('zero', 5000).ok({ type: 'timer.letFinish' }, 5200).ok({ type: 'phase.next' }, 5000 + overMs);
}

describe('overtime is counted on the whole seconds the hall saw', () => {
  it('30.9 s over is +0:30: one interval of 30 s in the penalty, 30 in the steps and 0:30 in the exports', () => {
    const r = overran(meeting(juryAndPublic()), 30_900).ok(ballot('a', '90'), 40_000, reviewer('j1'));
    expect(r.state.records.a?.[0]?.overtimeMs).toBe(30_900);
    const result = resultOf(r, 'a');
    expect(result).toMatchObject({ overtimeSeconds: 30, penalty: '1', weighted: '90.00', final: '89.00' });
    const row = resultsTable(r.state, { provisional: true }).rows[0] ?? [];
    const header = resultsTable(r.state, { provisional: true }).header;
    expect(row[header.indexOf('超时秒 Overtime (s)')]).toEqual({ number: '30', places: 0 });
    expect(row[header.indexOf('超时 Overtime')]).toBe('0:30');
  });

  it('+0:31 is two intervals', () => {
    const r = overran(meeting(juryAndPublic()), 31_000).ok(ballot('a', '90'), 40_000, reviewer('j1'));
    expect(resultOf(r, 'a')).toMatchObject({ overtimeSeconds: 31, penalty: '2', final: '88.00' });
  });
});

describe('the ranking’s tie-break', () => {
  /** Two slots with the same final, 80: "a" has the higher jury score, "b" the higher public score. */
  function tie(scoring: ScoringSetup): Rehearsal {
    const r = meeting(scoring).ok({ type: 'scoring.open', slotId: 'a' }, 1).ok({ type: 'scoring.open', slotId: 'b' }, 1);
    // a: 0.6·90 + 0.4·65 = 80; b: 0.6·70 + 0.4·95 = 80.
    r.ok(ballot('a', '90'), 2, reviewer('j1')).ok(ballot('a', '65'), 2, reviewer('p1'));
    r.ok(ballot('b', '70'), 2, reviewer('j1')).ok(ballot('b', '95'), 2, reviewer('p1'));
    return r.ok({ type: 'scoring.lock', slotId: 'a' }, 3).ok({ type: 'scoring.lock', slotId: 'b' }, 3);
  }

  it('is by default the heaviest group, whatever its id ("jury")', () => {
    const r = tie(juryAndPublic());
    expect([resultOf(r, 'a')?.final, resultOf(r, 'b')?.final]).toEqual(['80.00', '80.00']);
    expect([resultOf(r, 'a')?.rank, resultOf(r, 'b')?.rank]).toEqual([1, 2]);
  });

  it('is the group chosen in setup: the public’s score puts "b" first', () => {
    const r = tie(juryAndPublic('public'));
    expect([resultOf(r, 'a')?.rank, resultOf(r, 'b')?.rank]).toEqual([2, 1]);
  });

  it('must name a group of the setup', () => {
    expect(ScoringSetupSchema.safeParse(juryAndPublic('leaders')).error?.issues[0]).toMatchObject({ path: ['rules', 'tieBreakGroupId'], message: 'no group "leaders"' });
  });
});

describe('only locked slots are ranked and shown', () => {
  it('an open slot’s result is provisional: no rank, no grade, not revealable; locked, it is ranked', () => {
    const r = meeting(juryAndPublic()).ok({ type: 'scoring.open', slotId: 'a' }, 1).ok(ballot('a', '90'), 2, reviewer('j1'));
    expect(resultOf(r, 'a')).toMatchObject({ final: '90.00', provisional: true, rank: null, grade: null });
    expect(r.run({ type: 'results.reveal', reveal: { kind: 'ranking', shown: 1000 } }, 3)?.message).toBe('no locked slot has a result yet');
    r.ok({ type: 'scoring.lock', slotId: 'a' }, 4);
    expect(resultOf(r, 'a')).toMatchObject({ provisional: false, rank: 1 });
  });

  it('scoring opens when a hard speech phase is cut off', () => {
    const r = meeting(juryAndPublic()).ok({ type: 'timer.start' }, 0);
    expect(r.state.windows.a).toBeUndefined();
    r.boundary('zero', 5000);
    expect(r.state.live?.mode).toBe('cutoff');
    expect(r.state.windows.a).toBe('open');
    expect(r.run(ballot('a', '88'), 5100, reviewer('j1'))).toBeNull();
  });
});

describe('rules are frozen once the first ballot is in', () => {
  const withBallot = () => meeting(juryAndPublic()).ok({ type: 'scoring.open', slotId: 'a' }, 1).ok(ballot('a', '90'), 2, reviewer('j1'));
  const weights = (s: ScoringSetup, jury: string): ScoringSetup => ({ ...s, groups: s.groups.map((g) => (g.id === 'jury' ? { ...g, weight: jury } : g)) });

  it('before any ballot, the setup changes freely', () => {
    const r = meeting(juryAndPublic());
    expect(r.run({ type: 'scoring.configure', scoring: weights(r.state.scoring, '0.9') }, 1)).toBeNull();
    expect(r.run({ type: 'scoring.amend', scoring: weights(r.state.scoring, '0.8'), reason: 'why not' }, 2)?.message).toBe(
      'no ballot is in yet: the rules are not frozen, change them with scoring.configure',
    );
  });

  it('after it, the plain setup is refused for anything a ballot depends on, and changes nothing', () => {
    const r = withBallot();
    expect(r.run({ type: 'scoring.configure', scoring: weights(r.state.scoring, '0.9') }, 3)?.message).toBe(
      'ballots are in, so the rules are frozen (groups changed): change them with scoring.amend and a reason',
    );
    const moved = { ...r.state.scoring, reviewers: r.state.scoring.reviewers.map((x) => (x.id === 'j1' ? { ...x, groupId: 'public' } : x)) };
    expect(r.run({ type: 'scoring.configure', scoring: moved }, 3)?.message).toContain('(reviewers changed)');
    expect(r.state.scoring.groups.find((g) => g.id === 'jury')?.weight).toBe('0.6');
  });

  it('a latecomer can still join the roster, and one who has not voted be renamed', () => {
    const r = withBallot();
    const roster = [...r.state.scoring.reviewers.map((x) => (x.id === 'p1' ? { ...x, name: 'P-One' } : x)), { id: 'j2', name: 'J2', groupId: 'jury', unit: '' }];
    expect(r.run({ type: 'scoring.configure', scoring: { ...r.state.scoring, reviewers: roster } }, 3)).toBeNull();
    expect(r.state.scoring.reviewers.map((x) => x.name)).toEqual(['J1', 'P-One', 'J2']);
  });

  it('an amendment needs a reason, is recorded with who and when, and recomputes', () => {
    const r = withBallot().ok(ballot('a', '60'), 2, reviewer('p1'));
    expect(resultOf(r, 'a')?.final).toBe('78.00');
    r.ok({ type: 'scoring.amend', scoring: weights(r.state.scoring, '0.4'), reason: 'weights as the committee decided' }, 3, clerk);
    // (0.4·90 + 0.4·60) / 0.8 = 75
    expect(resultOf(r, 'a')?.final).toBe('75.00');
    expect(r.state.scoringChanges).toEqual([{ kind: 'rules', changed: ['groups'], seq: r.events.at(-1)?.seq, wall: r.events.at(-1)?.wall, role: 'clerk', reason: 'weights as the committee decided' }]);
    expect(r.run({ type: 'scoring.amend', scoring: r.state.scoring, reason: 'again' }, 4)?.message).toBe('the rules are as they were: nothing to change');
  });
});

describe('a lock is final unless reopened with a reason', () => {
  const locked = () =>
    meeting(juryAndPublic()).ok({ type: 'scoring.open', slotId: 'a' }, 1).ok(ballot('a', '90'), 2, reviewer('j1')).ok({ type: 'scoring.lock', slotId: 'a' }, 3);

  it('the plain open is refused, pointing to the reopening', () => {
    const r = locked();
    expect(r.run({ type: 'scoring.open', slotId: 'a' }, 4)?.message).toBe('scoring for this slot is locked: reopening it needs a reason (scoring.reopen)');
    expect(r.state.windows.a).toBe('locked');
  });

  it('a reopening opens it, is recorded with its reason, takes its score off the hall’s screen, and makes it provisional again', () => {
    const r = locked().ok({ type: 'results.reveal', reveal: { kind: 'slot', slotId: 'a' } }, 4);
    r.ok({ type: 'scoring.reopen', slotId: 'a', reason: 'J1 pressed the wrong score' }, 5);
    expect(r.state.windows.a).toBe('open');
    expect(r.state.reveal).toBeNull();
    expect(r.state.scoringChanges).toMatchObject([{ kind: 'reopened', slotId: 'a', role: 'host', reason: 'J1 pressed the wrong score' }]);
    expect(resultOf(r, 'a')).toMatchObject({ provisional: true, rank: null });
    expect(r.run(ballot('a', '85'), 6, reviewer('j1'))).toBeNull();
    expect(r.run({ type: 'scoring.reopen', slotId: 'a', reason: 'twice' }, 7)?.message).toBe('scoring for this slot is not locked: only a locked slot is reopened');
  });
});
