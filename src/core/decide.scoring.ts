import { ballotRefusal, scoreProblem } from './ballots';
import type { Command } from './commands';
import type { Decision } from './decide';
import type { Actor } from './events';
import { slotById } from './queue';
import type { MeetingState } from './state';

type ScoringCommand = Extract<Command, { type: 'scoring.configure' | 'scoring.open' | 'scoring.lock' | 'ballot.submit' | 'results.reveal' | 'results.hide' }>;

const refuse = (code: 'not_allowed' | 'not_found' | 'invalid', message: string): Decision => ({ ok: false, error: { code, message } });

/** Scoring commands: the roster and rules, opening and locking, ballots, and what the hall sees. */
export function decideScoring(state: MeetingState, cmd: ScoringCommand, by: Actor): Decision {
  switch (cmd.type) {
    case 'scoring.configure':
      return { ok: true, event: { type: 'scoring.configured', scoring: cmd.scoring } };
    case 'scoring.open':
    case 'scoring.lock': {
      if (!slotById(state, cmd.slotId)) return refuse('not_found', `no slot "${cmd.slotId}"`);
      const want = cmd.type === 'scoring.open' ? 'open' : 'locked';
      if (state.windows[cmd.slotId] === want) return refuse('not_allowed', `scoring is already ${want}`);
      return { ok: true, event: { type: cmd.type === 'scoring.open' ? 'scoring.opened' : 'scoring.locked', slotId: cmd.slotId } };
    }
    case 'ballot.submit': {
      const reviewerId = by.reviewerId;
      if (by.role !== 'reviewer' || reviewerId === undefined) return refuse('not_allowed', 'only a reviewer submits a ballot');
      // A retry of a submission already taken is acknowledged again and changes nothing.
      if (state.ballots[cmd.slotId]?.[reviewerId]?.submissions.includes(cmd.submissionId)) return { ok: true, event: null };
      const refusal = ballotRefusal(state, reviewerId, cmd.slotId);
      if (refusal) return refuse('not_allowed', refusal);
      const problem = scoreProblem(state.scoring.rubric, cmd.scores);
      if (problem) return refuse('invalid', problem);
      return {
        ok: true,
        event: { type: 'ballot.submitted', slotId: cmd.slotId, reviewerId, submissionId: cmd.submissionId, scores: cmd.scores, comment: cmd.comment },
      };
    }
    case 'results.reveal':
      if (cmd.reveal.kind === 'slot' && !slotById(state, cmd.reveal.slotId)) return refuse('not_found', `no slot "${cmd.reveal.slotId}"`);
      return { ok: true, event: { type: 'results.revealed', reveal: cmd.reveal } };
    case 'results.hide':
      return state.reveal ? { ok: true, event: { type: 'results.hidden' } } : refuse('not_allowed', 'no results are shown');
    default:
      return cmd satisfies never;
  }
}
