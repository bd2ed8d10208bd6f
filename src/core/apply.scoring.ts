import { SUBMISSIONS_KEPT } from './ballot-pace';
import type { MeetingEvent } from './events';
import type { Id } from './meeting';
import type { MeetingState } from './state';
import type { Mono } from './time';
import { copyOf, own, put } from './dict';

type ScoringEvent = Extract<
  MeetingEvent,
  { type: 'scoring.configured' | 'scoring.amended' | 'scoring.opened' | 'scoring.locked' | 'scoring.reopened' | 'ballot.submitted' | 'paper.entered' | 'paper.discarded' | 'ballot.voided' | 'results.revealed' | 'results.hidden' }
>;

/** Who took a final decision back, when, and why. */
const said = (e: MeetingEvent & { reason: string }) => ({ seq: e.seq, wall: e.wall, role: e.by.role, reason: e.reason });

const without = <T>(o: Record<string, T>, key: string): Record<string, T> => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

export function applyScoring(s: MeetingState, e: ScoringEvent): MeetingState {
  switch (e.type) {
    case 'scoring.configured':
      return { ...s, scoring: e.scoring };
    case 'scoring.amended':
      return { ...s, scoring: e.scoring, scoringChanges: [...s.scoringChanges, { kind: 'rules', changed: e.changed, ...said(e) }] };
    case 'scoring.opened':
      return open(s, e.slotId, e.at);
    case 'scoring.locked':
      return { ...s, windows: { ...s.windows, [e.slotId]: 'locked' } };
    case 'scoring.reopened': {
      const reopened = open(s, e.slotId, e.at);
      // A score shown in the hall is no longer final: it leaves the screen until the slot locks again.
      const reveal = s.reveal?.kind === 'slot' && s.reveal.slotId === e.slotId ? null : s.reveal;
      return { ...reopened, reveal, scoringChanges: [...s.scoringChanges, { kind: 'reopened', slotId: e.slotId, ...said(e) }] };
    }
    case 'ballot.submitted':
      return submitBallots(s, [e]);
    case 'paper.entered': {
      const bySlot = own(s.paper, e.slotId) ?? {};
      const entries = [...(own(bySlot, e.reviewerId) ?? []), { entryId: e.entryId, scores: e.scores, comment: e.comment, wall: e.wall }];
      return { ...s, paper: { ...s.paper, [e.slotId]: { ...bySlot, [e.reviewerId]: entries } } };
    }
    case 'paper.discarded': {
      const bySlot = own(s.paper, e.slotId) ?? {};
      const entries = (own(bySlot, e.reviewerId) ?? []).filter((p) => p.entryId !== e.entryId);
      const next = entries.length > 0 ? { ...bySlot, [e.reviewerId]: entries } : without(bySlot, e.reviewerId);
      return { ...s, paper: { ...s.paper, [e.slotId]: next } };
    }
    case 'ballot.voided':
      return { ...s, ballots: { ...s.ballots, [e.slotId]: without(own(s.ballots, e.slotId) ?? {}, e.reviewerId) } };
    case 'results.revealed':
      return { ...s, reveal: e.reveal };
    case 'results.hidden':
      return { ...s, reveal: null };
    default:
      return e satisfies never;
  }
}

export type BallotSubmitted = Extract<MeetingEvent, { type: 'ballot.submitted' }>;

/** Ballots for one slot, in order: a later ballot from the same reviewer replaces theirs and keeps every submission id. */
export function submitBallots(s: MeetingState, run: readonly BallotSubmitted[]): MeetingState {
  const last = run.at(-1);
  if (!last) return s;
  const slot = copyOf(own(s.ballots, last.slotId));
  for (const e of run) {
    put(slot, e.reviewerId, {
      reviewerId: e.reviewerId,
      scores: e.scores,
      comment: e.comment,
      source: 'phone',
      ...(e.device === undefined ? {} : { device: e.device }),
      submissions: [...(own(slot, e.reviewerId)?.submissions ?? []), e.submissionId].slice(-SUBMISSIONS_KEPT),
      wall: e.wall,
    });
  }
  return { ...s, ballots: { ...s.ballots, [last.slotId]: slot }, seq: last.seq };
}

const open = (s: MeetingState, slotId: Id, at: Mono): MeetingState => ({
  ...s,
  windows: { ...s.windows, [slotId]: 'open' },
  openedAt: { ...s.openedAt, [slotId]: at },
});

/** A slot opens for scoring when its speech ends, unless the host already opened or locked it. */
export const openWhenSpeechEnds = (s: MeetingState, slotId: Id, at: Mono): MeetingState => (own(s.windows, slotId) ? s : open(s, slotId, at));
