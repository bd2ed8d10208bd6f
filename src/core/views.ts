import type { Ballot } from './ballots';
import type { Id } from './meeting';
import { computeResults } from './results';
import type { SlotResult } from './results';
import type { MeetingState, MeetingView } from './state';

/** Who is looking: the role decides what of the meeting reaches them. */
export type Audience = { role: 'host' } | { role: 'clerk' } | { role: 'display' } | { role: 'reviewer'; reviewerId: Id };

export type ViewState = MeetingView & {
  /** Who has submitted, per slot: names for the host and the clerk only. */
  submitted: Record<Id, Id[]>;
  /** Results as far as this audience may see them: all for host and clerk, the revealed part for the hall. */
  results: SlotResult[];
};

const mapValues = <T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

/** Who has handed in a ballot for each slot, on the phone or on paper. */
function submittedBy(state: MeetingState): Record<Id, Id[]> {
  const slots = new Set([...Object.keys(state.ballots), ...Object.keys(state.paper)]);
  return Object.fromEntries([...slots].map((slotId) => [slotId, [...new Set([...Object.keys(state.ballots[slotId] ?? {}), ...Object.keys(state.paper[slotId] ?? {})])]]));
}

/** The part of the results the host has revealed, and nothing else. */
function revealed(state: MeetingState, results: SlotResult[]): SlotResult[] {
  const reveal = state.reveal;
  if (!reveal) return [];
  if (reveal.kind === 'slot') return results.filter((r) => r.slotId === reveal.slotId && r.final !== null);
  const ranked = results.filter((r) => r.rank !== null).sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0));
  return ranked.slice(0, reveal.shown);
}

/**
 * The meeting as one audience may see it. Confidentiality lives here and in the host that calls
 * it: only the clerk receives individual ballots, a reviewer receives their own, and the hall's
 * screens receive no score until the host reveals it.
 */
export function viewFor(state: MeetingState, audience: Audience): ViewState {
  const last = state.history.at(-1);
  const base = { ...state, history: last ? [{ seq: last.seq, action: last.action }] : [] };
  const submitted = submittedBy(state);
  switch (audience.role) {
    case 'clerk':
      return { ...base, submitted, results: computeResults(state) };
    case 'host':
      return { ...base, ballots: {}, paper: {}, submitted, results: computeResults(state) };
    case 'reviewer': {
      const own = mapValues(state.ballots, (byReviewer) => byReviewer[audience.reviewerId]);
      const ballots = Object.fromEntries(Object.entries(own).filter((e): e is [string, Ballot] => e[1] !== undefined).map(([slot, b]) => [slot, { [audience.reviewerId]: b }]));
      const reviewers = state.scoring.reviewers.filter((r) => r.id === audience.reviewerId);
      return { ...base, scoring: { ...state.scoring, reviewers }, ballots, paper: {}, submitted: {}, results: [] };
    }
    case 'display':
      return { ...base, scoring: { ...state.scoring, reviewers: [] }, ballots: {}, paper: {}, submitted: {}, results: revealed(state, computeResults(state)) };
    default:
      return audience satisfies never;
  }
}
