import type { MeetingEvent } from './events';
import type { Id } from './meeting';
import type { MeetingState } from './state';

type ScoringEvent = Extract<MeetingEvent, { type: 'scoring.configured' | 'scoring.opened' | 'scoring.locked' | 'ballot.submitted' | 'results.revealed' | 'results.hidden' }>;

export function applyScoring(s: MeetingState, e: ScoringEvent): MeetingState {
  switch (e.type) {
    case 'scoring.configured':
      return { ...s, scoring: e.scoring };
    case 'scoring.opened':
      return { ...s, windows: { ...s.windows, [e.slotId]: 'open' } };
    case 'scoring.locked':
      return { ...s, windows: { ...s.windows, [e.slotId]: 'locked' } };
    case 'ballot.submitted': {
      const prior = s.ballots[e.slotId]?.[e.reviewerId];
      const ballot = {
        reviewerId: e.reviewerId,
        scores: e.scores,
        comment: e.comment,
        source: 'phone' as const,
        submissions: [...(prior?.submissions ?? []), e.submissionId],
        wall: e.wall,
      };
      return { ...s, ballots: { ...s.ballots, [e.slotId]: { ...s.ballots[e.slotId], [e.reviewerId]: ballot } } };
    }
    case 'results.revealed':
      return { ...s, reveal: e.reveal };
    case 'results.hidden':
      return { ...s, reveal: null };
    default:
      return e satisfies never;
  }
}

/** A slot opens for scoring when its speech ends, unless the host already opened or locked it. */
export const openWhenSpeechEnds = (s: MeetingState, slotId: Id): MeetingState =>
  s.windows[slotId] ? s : { ...s, windows: { ...s.windows, [slotId]: 'open' } };
