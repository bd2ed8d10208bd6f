import { own } from './dict';
import type { Id, Slot } from './meeting';
import { elapsedAt, grantedMs } from './phase-clock';
import { agenda, queueStatus } from './queue';
import type { QueueStatus } from './queue';
import type { GroupResult } from './results';
import { dec } from './scoring';
import type { Decimal, Grade } from './scoring';
import type { Rubric } from './scoring.setup';
import type { MeetingView } from './state';
import { formatMinutes, MINUTE, overtimeSeconds } from './time';
import type { Mono } from './time';

/*
 * What the charts draw, shaped here so the views only lay it out: time used against time planned
 * per speaker (control view, report), each slot's ballot totals per group with the trimmed ones
 * marked (clerk, clerk's report), and the revealed ranking as bars (the big screen). Every number
 * a person reads is the text the app already shows (scores as exact decimal text, times as M:SS);
 * the plain numbers beside them are only positions on an axis.
 */

/** One speaker's speech phase: planned, used (null until it starts), the overtime the hall saw and the cut-off. */
export interface TimeRow {
  slotId: Id;
  unit: string;
  speaker: string;
  status: QueueStatus;
  plannedMs: number;
  usedMs: number | null;
  /** Whole seconds past the granted time, as the hall's clock showed them (`overtimeSeconds`). */
  overtimeSeconds: number;
  cutoff: boolean;
  /** Used beyond planned (ms): the part of the bar drawn as an overrun. 0 when within plan. */
  overPlanMs: number;
}

/** The speech: the slot's first phase, as the report's time table counts it (the comments are the leaders' time). */
const SPEECH = 0;

/**
 * Every speaker of the meeting, or of one sitting, in agenda order. With `now` (the host's clock),
 * the speech running at the lectern counts up to now, like the running order's live row; without
 * it, only what the records hold (the report, printed after the fact).
 */
export function timeRows(view: MeetingView, opts: { sittingId?: Id; now?: Mono } = {}): TimeRow[] {
  return agenda(view)
    .filter((slot) => opts.sittingId === undefined || slot.sittingId === opts.sittingId)
    .map((slot) => timeRow(view, slot, opts.now));
}

function timeRow(view: MeetingView, slot: Slot, now: Mono | undefined): TimeRow {
  const spec = slot.phases[SPEECH];
  const record = (own(view.records, slot.id) ?? []).find((r) => r.phaseIndex === SPEECH);
  const live = view.live?.slotId === slot.id && view.live.phaseIndex === SPEECH && view.live.mode !== 'ready' ? view.live : null;
  const plannedMs = record?.plannedMs ?? spec?.durationMs ?? 0;
  let usedMs: number | null = record ? record.usedMs : null;
  let overtime = record ? overtimeSeconds(record.overtimeMs) : 0;
  if (live && spec && now !== undefined) {
    const elapsed = elapsedAt(live, now);
    usedMs = elapsed;
    overtime = overtimeSeconds(elapsed - grantedMs(live, spec));
  }
  return {
    slotId: slot.id,
    unit: slot.unit,
    speaker: slot.speaker,
    status: queueStatus(view, slot.id),
    plannedMs,
    usedMs,
    overtimeSeconds: overtime,
    cutoff: (record?.cutoff ?? false) || (live !== null && live.cutoffAt !== null),
    overPlanMs: usedMs === null ? 0 : Math.max(0, usedMs - plannedMs),
  };
}

/** Used time as the running order shows it: whole seconds, M:SS. */
export const usedText = (ms: number): string => formatMinutes(Math.round(ms / 1000));

/** Ticks of a time axis in whole minutes (1, 2 or 5 apart so there are at most about 10), up to past the longest bar. */
export function minuteTicks(rows: readonly TimeRow[]): { maxMs: number; ticks: { ms: number; label: string }[] } {
  const longest = Math.max(MINUTE, ...rows.map((r) => Math.max(r.plannedMs, r.usedMs ?? 0)));
  const minutes = Math.ceil(longest / MINUTE);
  const step = minutes <= 10 ? 1 : minutes <= 20 ? 2 : 5;
  const top = Math.ceil(minutes / step) * step;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => ({ ms: i * step * MINUTE, label: formatMinutes(i * step * 60) }));
  return { maxMs: top * MINUTE, ticks };
}

/** One ballot's total on a group's strip; the trimmed ones (去掉最高分、最低分) say which end they were. */
export interface BallotPoint {
  total: string;
  /** Position on the score axis only; the label is `total`. */
  at: number;
  trimmed: 'high' | 'low' | null;
  /** How many equal totals came before it on the strip, so equal ballots sit side by side, not on top of each other. */
  stack: number;
}

export interface BallotStrip {
  groupId: Id;
  name: string;
  /** The group's score (mean of the counted totals), as the clerk's steps give it; null without ballots. */
  score: string | null;
  /** Where the score sits on the axis (a position only; the label is `score`). */
  scoreAt: number | null;
  points: BallotPoint[];
}

/**
 * A slot's ballot totals by group, lowest first, with the single highest and lowest of a trimmed
 * group marked (one ballot each, even when another ballot has the same total). The clerk's only:
 * it is built from the clerk's whole results, which no other role receives.
 */
export function ballotStrips(groups: readonly GroupResult[]): BallotStrip[] {
  return groups.map((g) => {
    const sorted = g.totals.map((t) => dec(t)).sort((a, b) => a.cmp(b));
    const seen = new Map<string, number>();
    const points = sorted.map((total, i): BallotPoint => {
      const key = total.toString();
      const stack = seen.get(key) ?? 0;
      seen.set(key, stack + 1);
      // Sorted, so the dropped low is the first ballot and the dropped high the last.
      const trimmed = g.dropped === null ? null : i === 0 ? 'low' : i === sorted.length - 1 ? 'high' : null;
      return { total: key, at: total.toNumber(), trimmed, stack };
    });
    return { groupId: g.groupId, name: g.name, score: g.score, scoreAt: g.score === null ? null : dec(g.score).toNumber(), points };
  });
}

/** The most a ballot can total: the sum of the rubric's maxima (100 by default). */
export const rubricMax = (rubric: Pick<Rubric, 'criteria'>): Decimal => rubric.criteria.reduce((sum, c) => sum.plus(dec(c.max)), dec(0));

/**
 * The score axis for ballot strips: from a round ten below the lowest total to the rubric's
 * maximum, the same for every slot so the report's charts can be compared at a glance.
 */
export function scoreAxis(totals: readonly string[], max: Decimal): { from: number; to: number; ticks: number[] } {
  const top = max.toNumber();
  const lowest = totals.reduce<Decimal>((low, t) => (dec(t).lt(low) ? dec(t) : low), max);
  const tens = Math.floor(lowest.div(10).toNumber()) * 10;
  const from = Math.max(0, Math.min(tens, top - 10));
  const step = top - from > 50 ? 10 : 5;
  const ticks: number[] = [];
  for (let v = from; v <= top; v += step) ticks.push(v);
  return { from, to: top, ticks };
}

/** The score axis every ballot chart of the meeting shares, from all the clerk's results. */
export const ballotAxis = (results: readonly { groups: readonly Pick<GroupResult, 'totals'>[] }[], rubric: Pick<Rubric, 'criteria'>): ReturnType<typeof scoreAxis> =>
  scoreAxis(
    results.flatMap((r) => r.groups.flatMap((g) => g.totals)),
    rubricMax(rubric),
  );

/** One place of the revealed ranking as the big screen draws it. */
export interface RankingBar {
  slotId: Id;
  unit: string;
  rank: number;
  final: string;
  grade: Grade | null;
  /** The bar's length as a share of the rubric's maximum, 0 to 1 (a negative final after penalties draws no bar). */
  share: number;
}

/**
 * The places revealed so far, best first: only ranked results (locked slots) with a score, and
 * only those the view holds (the display's view holds the revealed ones alone).
 */
export function rankingBars(results: readonly { slotId: Id; unit: string; rank: number | null; final: string | null; grade: Grade | null }[], max: Decimal): RankingBar[] {
  return results
    .flatMap((r) => (r.rank === null || r.final === null ? [] : [{ ...r, rank: r.rank, final: r.final }]))
    .sort((a, b) => a.rank - b.rank || a.unit.localeCompare(b.unit))
    .map((r) => {
      const share = max.gt(0) ? dec(r.final).div(max) : dec(0);
      return { slotId: r.slotId, unit: r.unit, rank: r.rank, final: r.final, grade: r.grade, share: Math.min(1, Math.max(0, share.toNumber())) };
    });
}
