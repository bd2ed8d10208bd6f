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

/** Who has handed in a ballot for each slot, on the phone or on paper. */
function submittedBy(state: MeetingState): Record<Id, Id[]> {
  const slots = new Set([...Object.keys(state.ballots), ...Object.keys(state.paper)]);
  return Object.fromEntries([...slots].map((slotId) => [slotId, [...new Set([...Object.keys(state.ballots[slotId] ?? {}), ...Object.keys(state.paper[slotId] ?? {})])]]));
}

/**
 * The results of one state, computed once however many audiences ask (host, clerk and display
 * all see them): states are never changed, so the state itself is the key.
 */
const resultsOf = (() => {
  const computed = new WeakMap<MeetingState, SlotResult[]>();
  return (state: MeetingState): SlotResult[] => {
    let results = computed.get(state);
    if (results === undefined) computed.set(state, (results = computeResults(state)));
    return results;
  };
})();

/** The part of the results the host has revealed, and nothing else. */
function revealed(state: MeetingState, results: SlotResult[]): SlotResult[] {
  const reveal = state.reveal;
  if (!reveal) return [];
  if (reveal.kind === 'slot') return results.filter((r) => r.slotId === reveal.slotId && r.final !== null && !r.provisional);
  const ranked = results.filter((r) => r.rank !== null).sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0));
  return ranked.slice(0, reveal.shown);
}

/** The parts of the state a phone's view is made of (reviewerParts): when none changed, no phone's view did. */
export const PHONE_INPUTS = ['title', 'sittings', 'slots', 'windows', 'openedAt', 'audio', 'scoring', 'ballots'] as const satisfies readonly (keyof MeetingState)[];

/** States are never changed in place, so an unchanged part is the very same object. */
export const samePhoneViews = (before: MeetingState, after: MeetingState): boolean => PHONE_INPUTS.every((key) => before[key] === after[key]);

/**
 * What every reviewer's view shares, and what is each one's own: the host serialises the shared
 * part once per change, not once per phone (viewFor joins the two for one reviewer).
 */
export function reviewerParts(state: MeetingState): {
  shared: Omit<ViewState, 'scoring' | 'ballots'>;
  own(reviewerId: Id): Pick<ViewState, 'scoring' | 'ballots'>;
  /** What a reviewer's own part is made of: while these are the same objects, it is the same. */
  ownFrom(reviewerId: Id): readonly unknown[];
} {
  // A phone needs the agenda, the windows and its own ballots; not the clock, the phases, the
  // running order's states, the timing records or the undo history. Left out, the timer's changes leave a phone's
  // view as it was, and the host need not send it anything while someone speaks.
  const { scoring: _scoring, ballots: _ballots, ...rest } = state;
  return {
    shared: { ...rest, slots: state.slots.map((slot) => ({ ...slot, phases: [] })), live: null, status: {}, reveal: null, message: null, blackout: false, messagePresets: [], records: {}, history: [], paper: {}, scoringChanges: [], submitted: {}, results: [] },
    own: (reviewerId) => ({
      scoring: { ...state.scoring, reviewers: state.scoring.reviewers.filter((r) => r.id === reviewerId) },
      ballots: Object.fromEntries(
        Object.entries(state.ballots).flatMap(([slotId, byReviewer]): [Id, Record<Id, Ballot>][] => {
          const own = byReviewer[reviewerId];
          return own ? [[slotId, { [reviewerId]: own }]] : [];
        }),
      ),
    }),
    ownFrom: (reviewerId) => [state.scoring, ...Object.entries(state.ballots).map(([slotId, byReviewer]) => [slotId, byReviewer[reviewerId]]).flat()],
  };
}

/**
 * The meeting as one audience may see it. Confidentiality lives here and in the host that calls
 * it: only the clerk receives individual ballots, a reviewer receives their own, and the hall's
 * screens receive no score until the host reveals it.
 */
export function viewFor(state: MeetingState, audience: Audience): ViewState {
  const last = state.history.at(-1);
  const base = { ...state, history: last ? [{ seq: last.seq, action: last.action }] : [] };
  switch (audience.role) {
    case 'clerk':
      return { ...base, submitted: submittedBy(state), results: resultsOf(state) };
    case 'host':
      return { ...base, ballots: {}, paper: {}, submitted: submittedBy(state), results: resultsOf(state) };
    case 'reviewer': {
      const parts = reviewerParts(state);
      return { ...parts.shared, ...parts.own(audience.reviewerId) };
    }
    case 'display':
      return { ...base, scoring: { ...state.scoring, reviewers: [] }, ballots: {}, paper: {}, scoringChanges: [], submitted: {}, results: revealed(state, resultsOf(state)) };
    default:
      return audience satisfies never;
  }
}
