import type { z } from 'zod';
import type { Ballot } from './ballots';
import { deviceTag } from './decide.cards';
import { describeIssue } from './issues';
import type { Id } from './meeting';
import { computeResults } from './results';
import type { SlotResult } from './results';
import type { MeetingState, MeetingView } from './state';
import { ClerkViewSchema, DisplayViewParts, HostViewParts, ReviewerOwnParts, ReviewerSharedParts, ReviewerViewSchema } from './view-schemas';
import { partwiseCheck } from './view-check';
import { derived } from './derived';
import type { HostResultSchema, ResultView, ShownResultSchema } from './view-schemas';
import { own } from './dict';

/** Who is looking: the role decides what of the meeting reaches them. */
export type Audience = { role: 'host' } | { role: 'clerk' } | { role: 'display' } | { role: 'reviewer'; reviewerId: Id };

export type ViewState = MeetingView & {
  /** Who has submitted, per slot: names for the host and the clerk only. */
  submitted: Record<Id, Id[]>;
  /** Results as far as this audience may see them (view-schemas.ts says how far for each role). */
  results: ResultView[];
};

type HostResult = z.infer<typeof HostResultSchema>;
type ShownResult = z.infer<typeof ShownResultSchema>;

/** Who has handed in a ballot for each slot, on the phone or on paper. */
const submittedBy = (() => {
  const byBallots = derived((ballots: MeetingState['ballots']) => derived((paper: MeetingState['paper']) => whoSubmitted(ballots, paper)));
  return (state: MeetingState): Record<Id, Id[]> => byBallots(state.ballots)(state.paper);
})();

function whoSubmitted(ballots: MeetingState['ballots'], paper: MeetingState['paper']): Record<Id, Id[]> {
  const slots = new Set([...Object.keys(ballots), ...Object.keys(paper)]);
  return Object.fromEntries([...slots].map((slotId) => [slotId, submittersOf(own(ballots, slotId) ?? NONE)(own(paper, slotId) ?? NONE)]));
}

/** A slot with no ballots (or no paper): one object, so its list of who submitted is derived once. */
const NONE = {};

/** Who handed in a ballot for one slot: the same array while that slot's ballots and paper are the same. */
const submittersOf = derived((ballots: Record<Id, unknown>) => derived((paper: Record<Id, unknown>) => [...new Set([...Object.keys(ballots), ...Object.keys(paper)])]));

/** The scoring rules as the hall's screens have them: without the reviewers. */
const withoutReviewers = derived((scoring: MeetingState['scoring']): MeetingState['scoring'] => ({ ...scoring, reviewers: [] }));


/** A locked slot's result without a ballot's number in it: each group's score, not its totals. */
const forHost = derived((r: SlotResult): HostResult => ({ ...r, groups: r.groups.map(({ totals: _t, dropped: _d, ...group }) => group) }));

/** What the big screen draws of a result. */
const shown = (r: SlotResult): ShownResult => ({ slotId: r.slotId, unit: r.unit, final: r.final, rank: r.rank, grade: r.grade, provisional: r.provisional });

/** The part of the results the host has revealed, and nothing else. */
function revealed(state: MeetingState, results: SlotResult[]): SlotResult[] {
  const reveal = state.reveal;
  if (!reveal) return [];
  if (reveal.kind === 'slot') return results.filter((r) => r.slotId === reveal.slotId && r.final !== null && !r.provisional);
  const ranked = results.filter((r) => r.rank !== null).sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0));
  return ranked.slice(0, reveal.shown);
}

/** The agenda as phones have it: no phases (no clock), the same array while the agenda is the same. */
const withoutPhases = derived((slots: MeetingState['slots']) => slots.map((slot) => ({ ...slot, phases: [] })));

/** The scoring rules as one reviewer's phone has them: that reviewer alone, the same object while the rules are the same. */
const scoringFor = derived((scoring: MeetingState['scoring']) => {
  const byReviewer = new Map<Id, MeetingState['scoring']>();
  return (reviewerId: Id): MeetingState['scoring'] => {
    let mine = byReviewer.get(reviewerId);
    if (mine === undefined) byReviewer.set(reviewerId, (mine = { ...scoring, reviewers: scoring.reviewers.filter((r) => r.id === reviewerId) }));
    return mine;
  };
});

/** The parts of the state a phone's view is made of (reviewerParts): when none changed, no phone's view did. */
export const PHONE_INPUTS = ['title', 'sittings', 'slots', 'windows', 'openedAt', 'audio', 'scoring', 'ballots'] as const satisfies readonly (keyof MeetingState)[];

/** States are never changed in place, so an unchanged part is the very same object. */
export const samePhoneViews = (before: MeetingState, after: MeetingState): boolean => PHONE_INPUTS.every((key) => before[key] === after[key]);

/**
 * What a phone's own part is made of (its reviewer in the scoring setup, its ballot in each slot),
 * and the state's ballots in which it was last found so: kept by the view feed for each phone.
 */
export interface OwnSources {
  readonly parts: readonly unknown[];
  checkedIn: unknown;
}

export type PhoneShared = Omit<ViewState, 'scoring' | 'ballots'>;
export type PhoneOwn = Pick<ViewState, 'scoring' | 'ballots'>;

/**
 * What every reviewer's view shares, and what is each one's own: the host serialises the shared
 * part once per change, not once per phone (viewFor joins the two for one reviewer).
 */
export function reviewerParts(state: MeetingState): {
  shared: PhoneShared;
  own(reviewerId: Id): PhoneOwn;
  /** What a reviewer's own part is made of: while these are the same objects, it is the same. */
  ownFrom(reviewerId: Id): OwnSources;
  /**
   * Whether what an earlier state's ownFrom gave is still what this reviewer's own part is made
   * of. Asked of every phone at every change a phone might see (each ballot, in a hall of 500):
   * it makes nothing, where ownFrom makes an array per slot; and once it has found them so in
   * this state's ballots, it notes it in `sources`, so a next state with the same ballots (a
   * slot locked just after its last ballot) is a single comparison.
   */
  ownStill(reviewerId: Id, sources: OwnSources): boolean;
} {
  // A phone needs the agenda, the windows and its own ballots; not the clock, the phases, the
  // running order's states, the timing records or the undo history. Left out, the timer's changes leave a phone's
  // view as it was, and the host need not send it anything while someone speaks.
  const { title, sittings, slots, audio, windows, openedAt, seq } = state;
  const slotIds = Object.keys(state.ballots);
  const changedSince = new Map<unknown, number[] | null>();
  return {
    shared: {
      title,
      sittings,
      slots: withoutPhases(slots),
      status: {},
      records: {},
      live: null,
      audio,
      history: [],
      seq,
      windows,
      openedAt,
      reveal: null,
      message: null,
      blackout: false,
      messagePresets: [],
      scoringChanges: [],
      paper: {},
      claims: {},
      submitted: {},
      results: [],
      outputs: [],
    },
    own: (reviewerId) => ({
      scoring: scoringFor(state.scoring)(reviewerId),
      ballots: Object.fromEntries(
        Object.entries(state.ballots).flatMap(([slotId, byReviewer]): [Id, Record<Id, Ballot>][] => {
          const ballot = own(byReviewer, reviewerId);
          return ballot ? [[slotId, { [reviewerId]: ballot }]] : [];
        }),
      ),
    }),
    ownFrom: (reviewerId) => ({
      parts: [state.scoring, ...slotIds.flatMap((slotId) => [slotId, own(own(state.ballots, slotId), reviewerId)])],
      checkedIn: state.ballots,
    }),
    ownStill: (reviewerId, sources) => {
      const { parts } = sources;
      if (parts[0] !== state.scoring) return false;
      if (sources.checkedIn === state.ballots) return true;
      const mine = (i: number) => parts[2 + 2 * i] === own(own(state.ballots, slotIds[i] as Id), reviewerId);
      const changed = slotsChangedSince(sources.checkedIn);
      const still =
        changed !== null
          ? changed.every(mine)
          : parts.length === 1 + 2 * slotIds.length && slotIds.every((slotId, i) => parts[1 + 2 * i] === slotId && mine(i));
      if (still) sources.checkedIn = state.ballots;
      return still;
    },
  };

  /**
   * The slots (by their place in slotIds) whose ballots are another object than in `before`, an
   * earlier state's ballots; null when the slots themselves differ. Worked out once per earlier
   * state, not per phone: a ballot changes one slot, and each phone then compares only its own
   * ballot in that slot.
   */
  function slotsChangedSince(before: unknown): number[] | null {
    let changed = changedSince.get(before);
    if (changed === undefined) {
      const was = before as MeetingState['ballots'];
      const wasSlots = Object.keys(was);
      const sameSlots = wasSlots.length === slotIds.length && wasSlots.every((slotId, i) => slotIds[i] === slotId);
      changed = sameSlots ? slotIds.flatMap((slotId, i) => (own(was, slotId) === own(state.ballots, slotId) ? [] : [i])) : null;
      changedSince.set(before, changed);
    }
    return changed;
  }
}

/** The meeting without the undo snapshots: only what the next undo would take back. */
function base(state: MeetingState): MeetingView {
  const last = state.history.at(-1);
  return { ...state, history: last ? [{ seq: last.seq, action: last.action }] : [] };
}

/**
 * The meeting as one audience may see it: only the clerk receives individual ballots, a
 * reviewer receives their own, the host learns who has submitted and a slot's result once it is
 * locked, and the hall's screens receive what they draw, a score only once the host reveals it.
 * Each view is held to its role's schema (view-schemas.ts) before it is sent: see viewProblem.
 */
export function viewFor(state: MeetingState, audience: Audience): ViewState {
  switch (audience.role) {
    case 'clerk':
      return {
        ...base(state),
        submitted: submittedBy(state),
        results: computeResults(state),
        outputs: [],
        claims: Object.fromEntries(Object.entries(state.claims).map(([reviewerId, c]) => [reviewerId, { device: deviceTag(c.device), wall: c.wall }])),
      };
    case 'host':
      return {
        ...base(state),
        ballots: {},
        paper: {},
        claims: {},
        submitted: submittedBy(state),
        results: computeResults(state)
          .filter((r) => own(state.windows, r.slotId) === 'locked')
          .map(forHost),
      };
    case 'reviewer': {
      const parts = reviewerParts(state);
      return { ...parts.shared, ...parts.own(audience.reviewerId) };
    }
    case 'display':
      return {
        ...base(state),
        records: {},
        history: [],
        scoring: withoutReviewers(state.scoring),
        windows: {},
        openedAt: {},
        messagePresets: [],
        scoringChanges: [],
        ballots: {},
        paper: {},
        claims: {},
        submitted: {},
        outputs: [],
        results: revealed(state, computeResults(state)).map(shown),
      };
    default:
      return audience satisfies never;
  }
}

/**
 * The view of this audience, or why it may not have it: what every edge that sends a view calls.
 * The clerk may see everything, so nothing can leak to the clerk: its view (every ballot) is held
 * to its schema by the tests, not on every change, where checking it would cost more than building it.
 */
export function checkedView(state: MeetingState, audience: Audience): { ok: true; view: ViewState } | { ok: false; problem: string } {
  const view = viewFor(state, audience);
  const found = audience.role === 'clerk' ? null : viewProblem(audience, view);
  return found === null ? { ok: true, view } : { ok: false, problem: found };
}

const problem = (result: { success: true } | { success: false; error: z.ZodError }): string | null => (result.success ? null : describeIssue(result.error));

/** The views checked at every change, whatever the number of screens: part by part, each part once (view-check.ts). */
const CHECKS = {
  clerk: (view: unknown) => problem(ClerkViewSchema.safeParse(view)),
  host: partwiseCheck(HostViewParts),
  display: partwiseCheck(DisplayViewParts),
  reviewer: (view: unknown) => problem(ReviewerViewSchema.safeParse(view)),
} as const;

/** Why this view must not go to this audience (something its role may not see), or null. */
export function viewProblem(audience: Audience, view: unknown): string | null {
  const found = CHECKS[audience.role](view);
  if (found !== null || audience.role !== 'reviewer') return found;
  return notOwn(audience.reviewerId, view as PhoneOwn);
}

/** The same check for a phone's view in its two parts (what all phones share is checked once). */
export const phoneSharedProblem: (shared: PhoneShared) => string | null = partwiseCheck(ReviewerSharedParts);
const ownPartProblem = partwiseCheck(ReviewerOwnParts);
export const phoneOwnProblem = (reviewerId: Id, part: PhoneOwn): string | null => ownPartProblem(part) ?? notOwn(reviewerId, part);

const notOwn = (reviewerId: Id, part: PhoneOwn): string | null =>
  part.scoring.reviewers[0]?.id === reviewerId ? null : `scoring.reviewers: this phone is reviewer "${reviewerId}"`;

/** The clerk's results with every step: the clerk's view carries them whole (view-schemas.ts). */
export const clerkResults = (view: Pick<ViewState, 'results'>): SlotResult[] => view.results.filter(isWhole);

const isWhole = (r: ResultView): r is SlotResult =>
  r.groups !== undefined && r.weighted !== undefined && r.groups.every((g) => g.totals !== undefined && g.dropped !== undefined);
