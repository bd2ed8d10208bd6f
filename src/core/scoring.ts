import Big from 'big.js';

/**
 * Scoring arithmetic in exact decimals: a score of 87.65 stays 87.65, and rounding at .xx5 goes
 * up as people expect, which binary floats cannot promise (0.1 + 0.2 ≠ 0.3).
 */
export type Decimal = Big;

export const dec = (value: string | number): Decimal => new Big(value);

/** Rounds half up to `places` decimals (default 2): 89.125 → 89.13, −0.005 → −0.01. */
export const roundHalfUp = (x: Decimal, places = 2): Decimal => x.round(places, Big.roundHalfUp);

export interface GroupScore {
  /** Mean of the counted totals, unrounded. */
  score: Decimal;
  counted: Decimal[];
  /** The single highest and lowest dropped when the group had enough ballots. */
  dropped: { high: Decimal; low: Decimal } | null;
}

/**
 * A group's score: the mean of its ballot totals; with at least `trimFrom` ballots the single
 * highest and single lowest are dropped first (去掉一个最高分、去掉一个最低分). Null when the
 * group has no ballots for the slot.
 */
export function groupScore(totals: readonly Decimal[], trimFrom = 5): GroupScore | null {
  if (totals.length === 0) return null;
  const sorted = [...totals].sort((a, b) => a.cmp(b));
  const trim = totals.length >= trimFrom;
  const counted = trim ? sorted.slice(1, -1) : sorted;
  const sum = counted.reduce((s, t) => s.plus(t), dec(0));
  return {
    score: sum.div(counted.length),
    counted,
    dropped: trim ? { high: sorted.at(-1) as Decimal, low: sorted[0] as Decimal } : null,
  };
}

export interface WeightedResult {
  /** Weighted mean over the groups that have a score, unrounded. */
  score: Decimal;
  /** True when some group had no ballots and the others' weights were scaled up to sum to 1. */
  rescaled: boolean;
}

/** The weighted mean of group scores; groups without ballots drop out and the rest are rescaled. */
export function weightedScore(groups: readonly { weight: Decimal; score: Decimal | null }[]): WeightedResult | null {
  const present = groups.filter((g): g is { weight: Decimal; score: Decimal } => g.score !== null && g.weight.gt(0));
  const totalWeight = present.reduce((s, g) => s.plus(g.weight), dec(0));
  if (present.length === 0 || totalWeight.eq(0)) return null;
  const weighted = present.reduce((s, g) => s.plus(g.score.times(g.weight)), dec(0));
  const allWeight = groups.reduce((s, g) => s.plus(g.weight), dec(0));
  return { score: weighted.div(totalWeight), rescaled: !totalWeight.eq(allWeight) };
}

export interface PenaltyRules {
  /** Points deducted for each started interval of overtime (0: none). */
  pointsPerInterval: Decimal;
  intervalSeconds: number;
  /** A fixed deduction for having been cut off (0: none). */
  cutoffPoints: Decimal;
}

/**
 * Overtime penalty on the whole seconds the hall saw (`overtimeSeconds`): every started interval
 * counts, so at 30 s `+0:30` is one interval and `+0:31` two.
 */
export function penalty(overtimeSeconds: number, cutoff: boolean, rules: PenaltyRules): Decimal {
  const intervals = overtimeSeconds > 0 ? Math.ceil(overtimeSeconds / rules.intervalSeconds) : 0;
  return rules.pointsPerInterval.times(intervals).plus(cutoff ? rules.cutoffPoints : 0);
}

export interface Rankable {
  id: string;
  final: Decimal;
  /** The score of the tie-break group chosen in setup: the first tie-breaker. */
  tieBreak: Decimal | null;
  overtimeSeconds: number;
}

/**
 * Ranks by final score; ties broken by the tie-break group's score, then by less overtime; still
 * equal shares a rank and the next rank skips (1, 2, 2, 4).
 */
export function rank(entries: readonly Rankable[]): Map<string, number> {
  const compare = (a: Rankable, b: Rankable): number =>
    b.final.cmp(a.final) || (b.tieBreak ?? dec(-1)).cmp(a.tieBreak ?? dec(-1)) || a.overtimeSeconds - b.overtimeSeconds;
  const sorted = [...entries].sort(compare);
  const ranks = new Map<string, number>();
  sorted.forEach((e, i) => {
    const prev = sorted[i - 1];
    ranks.set(e.id, prev && compare(prev, e) === 0 ? (ranks.get(prev.id) as number) : i + 1);
  });
  return ranks;
}

export type Grade = 'excellent' | 'good' | 'pass' | 'needsWork';

export interface QuotaRules {
  excellentShare: Decimal;
  needsWorkShare: Decimal;
}

/**
 * Grades by quota of ranks: the top share 优秀, the bottom share 待改进, the rest split 良好/合格 at
 * the median. Counts round down, so a quota is never exceeded; a shared rank gets the better grade.
 */
export function gradeByQuota(ranks: ReadonlyMap<string, number>, rules: QuotaRules): Map<string, Grade> {
  const n = ranks.size;
  const excellent = Number(rules.excellentShare.times(n).round(0, Big.roundDown));
  const needsWork = Number(rules.needsWorkShare.times(n).round(0, Big.roundDown));
  const median = Math.ceil(n / 2);
  const grades = new Map<string, Grade>();
  for (const [id, r] of ranks) {
    if (r <= excellent) grades.set(id, 'excellent');
    else if (r > n - needsWork) grades.set(id, 'needsWork');
    else grades.set(id, r <= median ? 'good' : 'pass');
  }
  return grades;
}

export interface ThresholdRules {
  excellentFrom: Decimal;
  goodFrom: Decimal;
  passFrom: Decimal;
}

export function gradeByThreshold(final: Decimal, rules: ThresholdRules): Grade {
  if (final.gte(rules.excellentFrom)) return 'excellent';
  if (final.gte(rules.goodFrom)) return 'good';
  if (final.gte(rules.passFrom)) return 'pass';
  return 'needsWork';
}
