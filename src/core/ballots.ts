import { z } from 'zod';
import type { Id } from './meeting';
import { slotById } from './queue';
import { dec } from './scoring';
import type { Decimal } from './scoring';
import { DecimalTextSchema } from './scoring.setup';
import type { Reviewer, Rubric } from './scoring.setup';
import type { MeetingView } from './state';
import type { Wall } from './time';
import { own } from './dict';

export const BallotInputSchema = z.object({
  scores: z.array(DecimalTextSchema).min(1).max(12),
  comment: z.string().max(500),
});

export interface Ballot {
  reviewerId: Id;
  scores: string[];
  comment: string;
  source: 'phone';
  /** The phone it came from: a short id of the phone's device key (absent before cards were claimed). */
  device?: string;
  /** The newest submission ids this ballot absorbed (SUBMISSIONS_KEPT): a retry of one is acknowledged, never applied twice. */
  submissions: string[];
  wall: Wall;
}

export type ScoringWindow = 'open' | 'locked';

export const ballotTotal = (scores: readonly string[]): Decimal => scores.reduce((sum, s) => sum.plus(dec(s)), dec(0));

/** Why a score is out of the rubric, or null: within 0..max and on the rubric's step. */
export function scoreProblem(rubric: Rubric, scores: readonly string[]): string | null {
  if (scores.length !== rubric.criteria.length) return `expected ${rubric.criteria.length} scores, one per criterion, got ${scores.length}`;
  for (const [i, text] of scores.entries()) {
    const c = rubric.criteria[i];
    if (!c) continue;
    const v = dec(text);
    if (v.lt(0) || v.gt(dec(c.max))) return `${c.name}: ${text} is outside 0–${c.max}`;
    if (!v.mod(dec(rubric.step)).eq(0)) return `${c.name}: ${text} is not a multiple of ${rubric.step}`;
  }
  return null;
}

/** A reviewer is never asked to score their own unit. */
export const isRecused = (reviewer: Reviewer, slotUnit: string): boolean => reviewer.unit !== '' && reviewer.unit === slotUnit;

function whoAndWhat(state: MeetingView, reviewerId: Id, slotId: Id): string | null {
  const reviewer = state.scoring.reviewers.find((r) => r.id === reviewerId);
  if (!reviewer) return `no reviewer "${reviewerId}"`;
  const slot = slotById(state, slotId);
  if (!slot) return `no slot "${slotId}"`;
  if (isRecused(reviewer, slot.unit)) return 'a reviewer does not score their own unit';
  if (own(state.windows, slotId) === undefined) return 'scoring for this slot has not opened yet';
  return null;
}

/** Why this reviewer may not score this slot now, or null when they may. */
export function ballotRefusal(state: MeetingView, reviewerId: Id, slotId: Id): string | null {
  return whoAndWhat(state, reviewerId, slotId) ?? (own(state.windows, slotId) === 'locked' ? 'scoring for this slot is locked' : null);
}

/**
 * Why the clerk may not type in this paper ballot, or null. Paper is collected in the hall and
 * typed in afterwards, so a locked slot still takes paper ballots; an unopened one does not.
 */
export const paperRefusal = (state: MeetingView, reviewerId: Id, slotId: Id): string | null => whoAndWhat(state, reviewerId, slotId);
