import Big from 'big.js';
import { ballotTotal, scoreProblem } from '../../core/ballots';
import type { Rubric } from '../../core/scoring.setup';

/** What the reviewer has typed for one slot, before it is sent. Scores stay text: exact decimals. */
export interface Draft {
  scores: string[];
  comment: string;
}

export const emptyDraft = (rubric: Rubric): Draft => ({ scores: rubric.criteria.map(() => ''), comment: '' });

/** A decimal the way people type it on a phone: "85", "85.5", "85,5" (Chinese and European keyboards). */
export const normalise = (text: string): string => text.trim().replace(',', '.').replace(/^0+(?=\d)/, '');

const DECIMAL = /^\d{1,4}(\.\d{1,4})?$/;

/** The running total of what parses so far; blanks count as nothing. */
export function draftTotal(draft: Draft): string {
  const parsed = draft.scores.map(normalise).filter((s) => DECIMAL.test(s));
  return ballotTotal(parsed).toString();
}

/** Why the draft cannot be submitted, or null. The host checks the same rules again. */
export function draftProblem(rubric: Rubric, draft: Draft): { index: number | null; message: 'blank' | 'notNumber' | 'range' } | null {
  for (const [index, raw] of draft.scores.entries()) {
    const s = normalise(raw);
    if (s === '') return { index, message: 'blank' };
    if (!DECIMAL.test(s)) return { index, message: 'notNumber' };
  }
  const problem = scoreProblem(rubric, draft.scores.map(normalise));
  if (problem === null) return null;
  const index = rubric.criteria.findIndex((c) => problem.startsWith(`${c.name}:`));
  return { index: index < 0 ? null : index, message: 'range' };
}

/** Where an empty field starts: four fifths of the maximum, on the step grid (80 of 100, 20 of 25). */
export function startScore(step: string, max: string): string {
  const st = new Big(step);
  return new Big(max).times('0.8').div(st).round(0, Big.roundDown).times(st).toString();
}

/**
 * One step up or down, kept within 0..max and always landing on the step grid: 85.3 goes up to
 * 85.5 and down to 85 (step 0.5). An empty field, or one that is not a number, takes the start
 * value whichever button is tapped. Exact decimals, as everywhere scores are reckoned.
 */
export function stepScore(text: string, step: string, max: string, direction: 1 | -1): string {
  const typed = normalise(text);
  if (!DECIMAL.test(typed)) return startScore(step, max);
  const st = new Big(step);
  const steps = new Big(typed).div(st);
  const grid = direction > 0 ? steps.round(0, Big.roundDown).plus(1) : steps.round(0, Big.roundUp).minus(1);
  const next = grid.times(st);
  const top = new Big(max);
  return (next.gt(top) ? top : next.lt(0) ? new Big(0) : next).toString();
}
