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

/** One step up or down, kept within 0..max. */
export function stepScore(text: string, step: string, max: string, direction: 1 | -1): string {
  const current = DECIMAL.test(normalise(text)) ? Number(normalise(text)) : direction > 0 ? -Number(step) : Number(max) + Number(step);
  // Steps are 0.5 or 1 and maxima are whole or half points: these floats are exact in binary.
  const next = Math.min(Number(max), Math.max(0, current + direction * Number(step)));
  return String(next);
}
