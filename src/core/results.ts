import { ballotTotal } from './ballots';
import type { Id, Slot } from './meeting';
import { tallySlot } from './paper';
import { agenda } from './queue';
import { dec, gradeByQuota, gradeByThreshold, groupScore, penalty, rank, roundHalfUp, weightedScore } from './scoring';
import type { Decimal, Grade } from './scoring';
import { tieBreakGroup } from './scoring.setup';
import type { ScoringSetup } from './scoring.setup';
import type { MeetingState } from './state';
import { overtimeSeconds } from './time';
import { own } from './dict';
import { derived } from './derived';

/** One group's part of a slot's result, with every number needed to explain it. */
export interface GroupResult {
  groupId: Id;
  name: string;
  weight: string;
  /** Each ballot's total, in the order the computation used them. */
  totals: string[];
  dropped: { high: string; low: string } | null;
  /** Mean of the counted totals, 2 decimals for reading (the computation keeps full precision). */
  score: string | null;
}

export interface SlotResult {
  slotId: Id;
  unit: string;
  /** Ballots that count. */
  ballots: number;
  /** Ballots held back until the clerk settles them (unconfirmed or mismatched paper, paper/phone conflicts). */
  unresolved: number;
  groups: GroupResult[];
  /** Weighted mean before penalties, 2 decimals for reading (the final is computed from the full precision). */
  weighted: string | null;
  rescaled: boolean;
  /** Whole seconds over in the slot's hard phases, as the hall saw them (`overtimeSeconds`). */
  overtimeSeconds: number;
  cutoff: boolean;
  penalty: string;
  /** Rounded half up to 2 decimals, after penalties. Null until a ballot is in. */
  final: string | null;
  /** Not locked yet: the score may still change, so it has no rank or grade and is never shown in the hall. */
  provisional: boolean;
  rank: number | null;
  grade: Grade | null;
}

const fixed = (d: Decimal | null | undefined): string | null => (d ? roundHalfUp(d).toFixed(2) : null);

type Scored = ReturnType<typeof scoreSlot>;
type ScoringInput = Pick<MeetingState, 'slots' | 'sittings' | 'ballots' | 'paper' | 'scoring' | 'records' | 'windows'>;

/**
 * The meeting's results: every slot that has ballots, scored by the meeting's rules; the locked
 * ones ranked and graded (an open slot's score is provisional: one more ballot changes it, and
 * the hall must not see a single reviewer's score). Pure: the clerk's view, the report and the
 * big screen all read this one computation, once per state however many ask (the views, the
 * check of a reveal, the actions allowed): states are never changed in place, so the state itself
 * is the key. Callers share the array: none may change it.
 */
export const computeResults: (state: ScoringInput) => SlotResult[] = derived(resultsOf);

function resultsOf(state: ScoringInput): SlotResult[] {
  const { rules } = state.scoring;
  const scored = agenda(state).map((slot) => scoredSlot(state, slot));

  const ranked = scored.filter((s) => s.final !== null && own(state.windows, s.slot.id) === 'locked');
  const ranks = rank(ranked.map((s) => ({ id: s.slot.id, final: s.final as Decimal, tieBreak: s.tieBreak, overtimeSeconds: s.overtimeSeconds })));
  const grading = rules.grading;
  const grades =
    grading.mode === 'quota'
      ? gradeByQuota(ranks, { excellentShare: dec(grading.excellentShare), needsWorkShare: dec(grading.needsWorkShare) })
      : new Map(
          ranked.map((s) => [
            s.slot.id,
            gradeByThreshold(s.final as Decimal, { excellentFrom: dec(grading.excellentFrom), goodFrom: dec(grading.goodFrom), passFrom: dec(grading.passFrom) }),
          ]),
        );

  return scored.map((s) => ({
    ...shownOf(s),
    provisional: own(state.windows, s.slot.id) !== 'locked',
    rank: ranks.get(s.slot.id) ?? null,
    grade: grades.get(s.slot.id) ?? null,
  }));
}

/**
 * A slot's result as text, made once each time the slot is scored (scoredSlot), not for every
 * state: a full hall's every ballot total written out again at each ballot of another slot.
 */
const shownOf = derived(
  (s: Scored): Omit<SlotResult, 'provisional' | 'rank' | 'grade'> => ({
    slotId: s.slot.id,
    unit: s.slot.unit,
    ballots: s.ballots.length,
    unresolved: s.unresolved,
    groups: s.perGroup.map((p) => ({
      groupId: p.group.id,
      name: p.group.name,
      weight: p.group.weight,
      totals: p.totals.map((t) => t.toString()),
      dropped: p.gs?.dropped ? { high: p.gs.dropped.high.toString(), low: p.gs.dropped.low.toString() } : null,
      score: fixed(p.gs?.score),
    })),
    weighted: fixed(s.weighted?.score),
    rescaled: s.weighted?.rescaled ?? false,
    overtimeSeconds: s.overtimeSeconds,
    cutoff: s.cutoff,
    penalty: s.deduction.toString(),
    final: s.final ? s.final.toFixed(2) : null,
  }),
);

/**
 * A slot's score depends on its own ballots, paper and timing records and on the meeting's
 * scoring setup, nothing else; states share the parts a change left alone, so a slot is scored
 * again only when one of those changed. Every ballot of a burst on one slot would otherwise
 * re-score all the others (in exact decimals) for each state sent out.
 */
const scoredBySetup = new WeakMap<ScoringSetup, WeakMap<Slot, { from: readonly unknown[]; scored: Scored }>>();

function scoredSlot(state: ScoringInput, slot: Slot): Scored {
  const from = [own(state.ballots, slot.id), own(state.paper, slot.id), own(state.records, slot.id)];
  let bySlot = scoredBySetup.get(state.scoring);
  if (!bySlot) scoredBySetup.set(state.scoring, (bySlot = new WeakMap()));
  const kept = bySlot.get(slot);
  if (kept && kept.from.every((part, i) => part === from[i])) return kept.scored;
  const scored = scoreSlot(state, slot);
  bySlot.set(slot, { from, scored });
  return scored;
}

function scoreSlot(state: ScoringInput, slot: Slot) {
  const { groups, reviewers, rules } = state.scoring;
  const groupOf = new Map(reviewers.map((r) => [r.id, r.groupId]));
  const lines = tallySlot(own(state.ballots, slot.id), own(state.paper, slot.id));
  const ballots = lines.filter((l) => l.counted);
  const unresolved = lines.length - ballots.length;
  const perGroup = groups.map((g) => {
    const totals = ballots.filter((b) => groupOf.get(b.reviewerId) === g.id).map((b) => ballotTotal(b.scores));
    const gs = groupScore(totals, rules.trimFrom);
    return { group: g, totals, gs };
  });
  const weighted = weightedScore(perGroup.map((p) => ({ weight: dec(p.group.weight), score: p.gs?.score ?? null })));
  const records = (own(state.records, slot.id) ?? []).filter((r) => slot.phases[r.phaseIndex]?.cutoff === 'hard');
  // Each phase's overrun as its own clock showed it, then added up.
  const overtime = records.reduce((sum, r) => sum + overtimeSeconds(r.overtimeMs), 0);
  const cutoff = records.some((r) => r.cutoff);
  const penaltyRules = { pointsPerInterval: dec(rules.penaltyPerInterval), intervalSeconds: rules.penaltyIntervalSeconds, cutoffPoints: dec(rules.cutoffPenalty) };
  const deduction = penalty(overtime, cutoff, penaltyRules);
  const final = weighted ? roundHalfUp(weighted.score.minus(deduction)) : null;
  const tieBreakId = tieBreakGroup(state.scoring).id;
  const tieBreak = perGroup.find((p) => p.group.id === tieBreakId)?.gs?.score ?? null;
  return { slot, ballots, unresolved, perGroup, weighted, overtimeSeconds: overtime, cutoff, deduction, final, tieBreak };
}
