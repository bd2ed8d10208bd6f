import { ballotRefusal, paperRefusal, scoreProblem } from './ballots';
import { cardRefusal, deviceTag } from './decide.cards';
import type { Command } from './commands';
import type { Decision } from './decide';
import type { Actor } from './events';
import { slotById } from './queue';
import { computeResults } from './results';
import { canReveal, REVEAL_REFUSAL } from './rules';
import { changedParts, frozenParts, voters } from './scoring.freeze';
import type { ScoringSetup } from './scoring.setup';
import type { Reveal } from './state';
import type { MeetingState } from './state';
import { own } from './dict';

type ScoringCommand = Extract<
  Command,
  { type: 'scoring.configure' | 'scoring.amend' | 'scoring.open' | 'scoring.lock' | 'scoring.reopen' | 'ballot.submit' | 'paper.enter' | 'paper.discard' | 'ballot.void' | 'results.reveal' | 'results.hide' }
>;

const refuse = (code: 'not_allowed' | 'not_found' | 'invalid', message: string): Decision => ({ ok: false, error: { code, message } });

/** Scoring commands: the roster and rules, opening and locking, ballots, and what the hall sees. */
export function decideScoring(state: MeetingState, cmd: ScoringCommand, by: Actor): Decision {
  switch (cmd.type) {
    case 'scoring.configure': {
      const frozen = frozenParts(state.scoring, cmd.scoring, voters(state));
      if (frozen.length > 0) {
        return refuse('not_allowed', `ballots are in, so the rules are frozen (${frozen.join(', ')} changed): change them with scoring.amend and a reason`);
      }
      return { ok: true, event: { type: 'scoring.configured', scoring: cmd.scoring } };
    }
    case 'scoring.amend':
      return decideAmend(state, cmd.scoring, cmd.reason);
    case 'scoring.open':
    case 'scoring.lock': {
      if (!slotById(state, cmd.slotId)) return refuse('not_found', `no slot "${cmd.slotId}"`);
      const want = cmd.type === 'scoring.open' ? 'open' : 'locked';
      if (own(state.windows, cmd.slotId) === want) return refuse('not_allowed', `scoring is already ${want}`);
      if (want === 'open' && own(state.windows, cmd.slotId) === 'locked') {
        return refuse('not_allowed', 'scoring for this slot is locked: reopening it needs a reason (scoring.reopen)');
      }
      return { ok: true, event: { type: cmd.type === 'scoring.open' ? 'scoring.opened' : 'scoring.locked', slotId: cmd.slotId } };
    }
    case 'scoring.reopen':
      if (!slotById(state, cmd.slotId)) return refuse('not_found', `no slot "${cmd.slotId}"`);
      if (own(state.windows, cmd.slotId) !== 'locked') return refuse('not_allowed', 'scoring for this slot is not locked: only a locked slot is reopened');
      return { ok: true, event: { type: 'scoring.reopened', slotId: cmd.slotId, reason: cmd.reason } };
    case 'ballot.submit': {
      const reviewerId = by.reviewerId;
      if (by.role !== 'reviewer' || reviewerId === undefined) return refuse('not_allowed', 'only a reviewer submits a ballot');
      // Only the phone holding the card: not a copy of the card opened elsewhere, retry or not.
      const inUse = cardRefusal(state, by);
      if (inUse !== null) return { ok: false, error: { code: 'card_in_use', message: inUse } };
      // A retry of a submission already taken is acknowledged again and changes nothing.
      if (own(own(state.ballots, cmd.slotId), reviewerId)?.submissions.includes(cmd.submissionId)) return { ok: true, event: null };
      const refusal = ballotRefusal(state, reviewerId, cmd.slotId);
      if (refusal) return refuse('not_allowed', refusal);
      const problem = scoreProblem(state.scoring.rubric, cmd.scores);
      if (problem) return refuse('invalid', problem);
      return {
        ok: true,
        event: {
          type: 'ballot.submitted',
          slotId: cmd.slotId,
          reviewerId,
          submissionId: cmd.submissionId,
          scores: cmd.scores,
          comment: cmd.comment,
          ...(by.phone === undefined ? {} : { device: deviceTag(by.phone) }),
        },
      };
    }
    case 'paper.enter': {
      if (by.role !== 'clerk') return refuse('not_allowed', 'only the clerk enters paper ballots');
      const entries = own(own(state.paper, cmd.slotId), cmd.reviewerId) ?? [];
      if (entries.some((e) => e.entryId === cmd.entryId)) return { ok: true, event: null };
      const refusal = paperRefusal(state, cmd.reviewerId, cmd.slotId);
      if (refusal) return refuse('not_allowed', refusal);
      const problem = scoreProblem(state.scoring.rubric, cmd.scores);
      if (problem) return refuse('invalid', problem);
      const { slotId, reviewerId, entryId, scores, comment } = cmd;
      return { ok: true, event: { type: 'paper.entered', slotId, reviewerId, entryId, scores, comment } };
    }
    case 'paper.discard': {
      if (by.role !== 'clerk') return refuse('not_allowed', 'only the clerk discards paper ballots');
      const entries = own(own(state.paper, cmd.slotId), cmd.reviewerId) ?? [];
      if (!entries.some((e) => e.entryId === cmd.entryId)) return refuse('not_found', `no paper entry "${cmd.entryId}" for this reviewer and slot`);
      return { ok: true, event: { type: 'paper.discarded', slotId: cmd.slotId, reviewerId: cmd.reviewerId, entryId: cmd.entryId } };
    }
    case 'ballot.void': {
      if (by.role !== 'clerk') return refuse('not_allowed', 'only the clerk voids a ballot');
      if (!own(own(state.ballots, cmd.slotId), cmd.reviewerId)) return refuse('not_found', 'this reviewer has no phone ballot for this slot');
      // A phone ballot is the reviewer's own act: the clerk may set it aside only to settle a conflict with paper.
      if (!own(own(state.paper, cmd.slotId), cmd.reviewerId)?.length) return refuse('not_allowed', 'a phone ballot is voided only when it conflicts with a paper ballot');
      return { ok: true, event: { type: 'ballot.voided', slotId: cmd.slotId, reviewerId: cmd.reviewerId } };
    }
    case 'results.reveal':
      return decideReveal(state, cmd.reveal);
    case 'results.hide':
      return state.reveal ? { ok: true, event: { type: 'results.hidden' } } : refuse('not_allowed', 'no results are shown');
    default:
      return cmd satisfies never;
  }
}

/**
 * A change to rules that ballots depend on: only once there are ballots (before, the plain
 * setup is the way), only when something changes, and never the number of criteria, which the
 * ballots already cast have one score each for.
 */
function decideAmend(state: MeetingState, scoring: ScoringSetup, reason: string): Decision {
  if (voters(state).size === 0) return refuse('not_allowed', 'no ballot is in yet: the rules are not frozen, change them with scoring.configure');
  const changed = changedParts(state.scoring, scoring);
  if (changed.length === 0) return refuse('not_allowed', 'the rules are as they were: nothing to change');
  if (scoring.rubric.criteria.length !== state.scoring.rubric.criteria.length) {
    return refuse('invalid', `the ballots cast have ${state.scoring.rubric.criteria.length} score(s) each: the number of criteria cannot change now`);
  }
  return { ok: true, event: { type: 'scoring.amended', scoring, reason, changed } };
}

/** Only a locked slot's result can be revealed; "all places" is clamped to how many slots are ranked (locked). */
function decideReveal(state: MeetingState, reveal: Reveal): Decision {
  if (!canReveal(state)) return refuse('not_allowed', REVEAL_REFUSAL);
  const results = computeResults(state);
  if (reveal.kind === 'slot') {
    if (!slotById(state, reveal.slotId)) return refuse('not_found', `no slot "${reveal.slotId}"`);
    const result = results.find((r) => r.slotId === reveal.slotId && r.final !== null);
    if (!result) return refuse('not_allowed', 'this slot has no counted ballots yet');
    // An open slot's score is one ballot away from another, and may be a single reviewer's.
    if (result.provisional) return refuse('not_allowed', 'scoring for this slot is still open: lock it before showing its score');
    return { ok: true, event: { type: 'results.revealed', reveal } };
  }
  const ranked = results.filter((r) => r.rank !== null).length;
  if (ranked === 0) return refuse('not_allowed', 'no locked slot has a result yet');
  const current = state.reveal?.kind === 'ranking' ? state.reveal.shown : 0;
  const shown = Math.min(reveal.shown, ranked);
  if (shown === current && shown === ranked) return refuse('not_allowed', 'every place is already shown');
  return { ok: true, event: { type: 'results.revealed', reveal: { kind: 'ranking', shown } } };
}
