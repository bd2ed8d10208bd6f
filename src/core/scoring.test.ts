import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, gradeByQuota, gradeByThreshold, groupScore, penalty, rank, roundHalfUp, weightedScore } from './scoring';
import type { Decimal } from './scoring';
import { formatCountdown, overtimeSeconds } from './time';

const ds = (...xs: string[]): Decimal[] => xs.map(dec);
const s = (x: Decimal | undefined | null) => x?.toFixed(2);

describe('group score', () => {
  it.each([
    { totals: ['80', '90'], score: '85.00', dropped: null },
    { totals: ['80', '90', '70', '85'], score: '81.25', dropped: null },
    // Five ballots: drop 99 and 60, mean of 80, 85, 90.
    { totals: ['80', '99', '60', '90', '85'], score: '85.00', dropped: ['99', '60'] },
    // Ties at the top: only one of them is dropped.
    { totals: ['90', '90', '90', '70', '80'], score: '86.67', dropped: ['90', '70'] },
  ])('$totals → $score', ({ totals, score, dropped }) => {
    const g = groupScore(ds(...totals));
    expect(s(g?.score)).toBe(score);
    expect(g?.dropped ? [g.dropped.high.toString(), g.dropped.low.toString()] : null).toEqual(dropped);
  });

  it('is absent when the group has no ballots', () => {
    expect(groupScore([])).toBeNull();
  });
});

describe('weighted final score', () => {
  it('weights the groups (主要领导 0.5, 民主测评 0.3, 服务对象 0.2)', () => {
    const r = weightedScore([
      { weight: dec('0.5'), score: dec('90') },
      { weight: dec('0.3'), score: dec('80') },
      { weight: dec('0.2'), score: dec('70') },
    ]);
    expect(s(r?.score)).toBe('83.00');
    expect(r?.rescaled).toBe(false);
  });

  it('rescales the other weights when a group has no ballots, and says so', () => {
    const r = weightedScore([
      { weight: dec('0.5'), score: dec('90') },
      { weight: dec('0.3'), score: null },
      { weight: dec('0.2'), score: dec('70') },
    ]);
    // (0.5·90 + 0.2·70) / 0.7 = 84.2857…
    expect(s(roundHalfUp(r?.score ?? dec(0)))).toBe('84.29');
    expect(r?.rescaled).toBe(true);
  });

  it('is absent when no group has ballots', () => {
    expect(weightedScore([{ weight: dec('1'), score: null }])).toBeNull();
  });
});

describe('rounding', () => {
  it.each([
    ['89.125', '89.13'],
    ['89.124', '89.12'],
    ['0.005', '0.01'],
    ['2.675', '2.68'], // 2.675 as a binary float rounds to 2.67
    ['1.005', '1.01'], // and 1.005 to 1.00
    ['99.995', '100.00'],
  ])('%s → %s, half up, exactly', (x, want) => {
    expect(roundHalfUp(dec(x)).toFixed(2)).toBe(want);
  });
});

describe('overtime penalty', () => {
  const rules = { pointsPerInterval: dec('0.5'), intervalSeconds: 30, cutoffPoints: dec('1') };
  it.each([
    [0, false, '0'],
    [1, false, '0.5'],
    [30, false, '0.5'],
    [31, false, '1'],
    [0, true, '1'],
    [61, true, '2.5'],
  ])('%i s over, cut off %s → %s points', (seconds, cutoff, want) => {
    expect(penalty(seconds, cutoff, rules).toString()).toBe(want);
  });

  it('counts the whole seconds the hall saw: 30.9 s over shows +0:30 and is one interval; +0:31 is two', () => {
    expect(formatCountdown(-30_900)).toBe('+0:30');
    expect(penalty(overtimeSeconds(30_900), false, rules).toString()).toBe('0.5');
    expect(formatCountdown(-31_000)).toBe('+0:31');
    expect(penalty(overtimeSeconds(31_000), false, rules).toString()).toBe('1');
    // Under a second over shows 0:00 and costs nothing.
    expect(formatCountdown(-900)).toBe('0:00');
    expect(penalty(overtimeSeconds(900), false, rules).toString()).toBe('0');
  });
});

describe('ranking', () => {
  it('shares a rank on a full tie and skips the next (1, 2, 2, 4)', () => {
    const ranks = rank([
      { id: 'a', final: dec('90'), tieBreak: dec('90'), overtimeSeconds: 0 },
      { id: 'b', final: dec('85'), tieBreak: dec('88'), overtimeSeconds: 0 },
      { id: 'c', final: dec('85'), tieBreak: dec('88'), overtimeSeconds: 0 },
      { id: 'd', final: dec('80'), tieBreak: dec('80'), overtimeSeconds: 0 },
    ]);
    expect([...ranks.entries()].sort()).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('breaks ties by the tie-break group’s score, then by less overtime', () => {
    const ranks = rank([
      { id: 'slow', final: dec('85'), tieBreak: dec('88'), overtimeSeconds: 40 },
      { id: 'fast', final: dec('85'), tieBreak: dec('88'), overtimeSeconds: 0 },
      { id: 'led', final: dec('85'), tieBreak: dec('90'), overtimeSeconds: 90 },
    ]);
    expect(ranks.get('led')).toBe(1);
    expect(ranks.get('fast')).toBe(2);
    expect(ranks.get('slow')).toBe(3);
  });
});

describe('grades', () => {
  const ranksOf = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`u${i + 1}`, i + 1]));
  it('by quota: top 20% 优秀, bottom 10% 待改进, the rest split at the median', () => {
    const g = gradeByQuota(ranksOf(20), { excellentShare: dec('0.2'), needsWorkShare: dec('0.1') });
    const count = (grade: string) => [...g.values()].filter((x) => x === grade).length;
    expect([count('excellent'), count('good'), count('pass'), count('needsWork')]).toEqual([4, 6, 8, 2]);
    expect(g.get('u4')).toBe('excellent');
    expect(g.get('u5')).toBe('good');
    expect(g.get('u10')).toBe('good');
    expect(g.get('u11')).toBe('pass');
    expect(g.get('u19')).toBe('needsWork');
  });

  it('by quota never exceeds a quota: 11 units give 2 优秀 and 1 待改进', () => {
    const g = gradeByQuota(ranksOf(11), { excellentShare: dec('0.2'), needsWorkShare: dec('0.1') });
    expect([...g.values()].filter((x) => x === 'excellent')).toHaveLength(2);
    expect([...g.values()].filter((x) => x === 'needsWork')).toHaveLength(1);
  });

  it('by thresholds, boundaries included in the higher grade', () => {
    const rules = { excellentFrom: dec('90'), goodFrom: dec('80'), passFrom: dec('60') };
    expect(gradeByThreshold(dec('90.00'), rules)).toBe('excellent');
    expect(gradeByThreshold(dec('89.99'), rules)).toBe('good');
    expect(gradeByThreshold(dec('60'), rules)).toBe('pass');
    expect(gradeByThreshold(dec('59.99'), rules)).toBe('needsWork');
  });
});

describe('scoring properties', () => {
  const score = fc.integer({ min: 0, max: 200 }).map((n) => dec(n).div(2));
  it('adding a ballot equal to the current mean never changes an untrimmed group score', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 3 }), (totals) => {
        const before = groupScore(totals, 100);
        const after = groupScore([...totals, before!.score], 100);
        return after!.score.eq(before!.score);
      }),
    );
  });

  it('permuting ballots never changes the group score', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 12 }).chain((t) => fc.tuple(fc.constant(t), fc.shuffledSubarray(t, { minLength: t.length, maxLength: t.length }))), ([a, b]) =>
        groupScore(a)!.score.eq(groupScore(b)!.score),
      ),
    );
  });

  it('a group score stays within the range of its ballots', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 12 }), (totals) => {
        const g = groupScore(totals)!.score;
        return totals.some((t) => t.lte(g)) && totals.some((t) => t.gte(g));
      }),
    );
  });
});
