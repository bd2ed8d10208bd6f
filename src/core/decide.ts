import type { Command } from './commands';
import { decideCard } from './decide.cards';
import { decideScoring } from './decide.scoring';
import type { Actor, EventBody } from './events';
import { AGENDA_LIMITS, MeetingSetupSchema } from './meeting';
import type { Id, Sitting, Slot } from './meeting';
import { describeIssue } from './issues';
import { agenda, nextWaiting, previousSlot, slotById } from './queue';
import * as rules from './rules';
import type { MeetingState } from './state';

export interface Rejection {
  code: 'not_allowed' | 'not_found' | 'invalid' | 'card_in_use';
  message: string;
}

/** event null: a retry of something already done (a resubmitted ballot), acknowledged without a change. */
export type Decision = { ok: true; event: EventBody | null } | { ok: false; error: Rejection };

const accept = (event: EventBody): Decision => ({ ok: true, event });
const refuse = (code: Rejection['code'], message: string): Decision => ({ ok: false, error: { code, message } });
const notNow = (what: string): Decision => refuse('not_allowed', `${what} is not possible now`);

/**
 * Turns a valid command into the one event that records it, or refuses it with a reason and
 * changes nothing. Pure: ids for new slots come from the caller.
 */
export function decide(state: MeetingState, cmd: Command, newId: () => Id, by: Actor = { role: 'host' }): Decision {
  switch (cmd.type) {
    case 'timer.start': {
      if (!rules.canStart(state)) return notNow('start');
      const slotId = state.live?.slotId ?? nextWaiting(state, null)?.id;
      return slotId === undefined ? notNow('start') : accept({ type: 'timer.started', slotId, phaseIndex: state.live?.phaseIndex ?? 0 });
    }
    case 'timer.pause':
      return rules.canPause(state) ? accept({ type: 'timer.paused' }) : notNow('pause');
    case 'timer.resume':
      return rules.canResume(state) ? accept({ type: 'timer.resumed' }) : notNow('resume');
    case 'timer.adjust':
      return rules.canAdjust(state) ? accept({ type: 'timer.adjusted', deltaMs: cmd.deltaMs }) : notNow('adjusting the time');
    case 'timer.letFinish':
      return rules.canLetFinish(state) ? accept({ type: 'timer.letFinish' }) : notNow('letting the speaker finish');
    case 'phase.next':
      return decideNextPhase(state);
    case 'slot.next':
      if (!rules.canNextSlot(state)) return notNow('next speaker');
      return accept({ type: 'slot.entered', slotId: nextWaiting(state, state.live?.slotId ?? null)?.id ?? null });
    case 'slot.prev': {
      const prev = previousSlot(state);
      return prev ? accept({ type: 'slot.entered', slotId: prev.id }) : notNow('previous speaker');
    }
    case 'slot.goto':
      if (!slotById(state, cmd.slotId)) return missing(cmd.slotId);
      return rules.canGoto(state, cmd.slotId) ? accept({ type: 'slot.entered', slotId: cmd.slotId }) : notNow('calling this slot');
    case 'slot.mark':
      return decideMark(state, cmd.slotId, cmd.status);
    case 'slot.add': {
      if (!state.sittings.some((s) => s.id === cmd.sittingId)) return missing(cmd.sittingId, 'sitting');
      if (state.slots.length >= AGENDA_LIMITS.slots) return refuse('invalid', `the agenda holds at most ${AGENDA_LIMITS.slots} speakers`);
      const inSitting = state.slots.filter((s) => s.sittingId === cmd.sittingId).length;
      const slot = { id: newId(), sittingId: cmd.sittingId, ...cmd.fields };
      return accept({ type: 'slot.added', slot, index: Math.min(cmd.index ?? inSitting, inSitting) });
    }
    case 'slot.edit':
      return decideEdit(state, cmd);
    case 'slot.remove':
      if (!slotById(state, cmd.slotId)) return missing(cmd.slotId);
      return rules.canRemove(state, cmd.slotId) ? accept({ type: 'slot.removed', slotId: cmd.slotId }) : notNow('removing the speaker at the lectern');
    case 'sitting.edit':
      if (!state.sittings.some((s) => s.id === cmd.sittingId)) return missing(cmd.sittingId, 'sitting');
      return accept({ type: 'sitting.edited', sittingId: cmd.sittingId, fields: cmd.fields });
    case 'slot.move':
      return decideMove(state, cmd.slotId, cmd.sittingId, cmd.index);
    case 'agenda.replace':
      return decideAgendaReplace(state, cmd.sittings, cmd.slots);
    case 'meeting.rename':
      return accept({ type: 'meeting.renamed', title: cmd.title });
    case 'audio.set': {
      const { type: _t, ...settings } = cmd;
      return accept({ type: 'audio.set', ...settings });
    }
    case 'outputs.configure':
      return accept({ type: 'outputs.configured', outputs: cmd.outputs });
    case 'undo': {
      const last = state.history.at(-1);
      return last ? accept({ type: 'undo.applied', undoneSeq: last.seq }) : notNow('undo (nothing to undo)');
    }
    case 'scoring.configure':
    case 'scoring.amend':
    case 'scoring.open':
    case 'scoring.lock':
    case 'scoring.reopen':
    case 'ballot.submit':
    case 'paper.enter':
    case 'paper.discard':
    case 'ballot.void':
    case 'results.reveal':
    case 'results.hide':
      return decideScoring(state, cmd, by);
    case 'message.show': {
      const { type: _t, ...message } = cmd;
      return accept({ type: 'message.shown', ...message });
    }
    case 'message.hide':
      return state.message === null ? notNow('hiding the message (none is shown)') : accept({ type: 'message.hidden' });
    case 'message.presets':
      return accept({ type: 'message.presetsSet', presets: cmd.presets });
    case 'screen.blackout':
      return state.blackout === cmd.on ? notNow(cmd.on ? 'blacking out (the screen is already black)' : 'bringing the screen back (it is not black)') : accept({ type: 'screen.blackedOut', on: cmd.on });
    case 'card.claim':
    case 'card.release':
      return decideCard(state, cmd, by);
    default:
      return cmd satisfies never;
  }
}

/** A new agenda replaces the old one only before anyone has spoken, and must hold together. */
function decideAgendaReplace(state: MeetingState, sittings: Sitting[], slots: Slot[]): Decision {
  if (Object.keys(state.records).length > 0 || state.live !== null) return refuse('not_allowed', 'the meeting has started: an agenda is imported before the first speaker');
  // Ballots belong to slots by id: a new agenda could hand them to someone else.
  if (Object.keys(state.ballots).length > 0 || Object.keys(state.paper).length > 0) return refuse('not_allowed', 'ballots have been cast: the agenda can no longer be replaced');
  const check = MeetingSetupSchema.safeParse({ title: state.title, sittings, slots });
  if (!check.success) return refuse('invalid', describeIssue(check.error));
  return accept({ type: 'agenda.replaced', sittings, slots });
}

const missing = (id: Id, what = 'slot'): Decision => refuse('not_found', `no ${what} "${id}"`);

function decideNextPhase(state: MeetingState): Decision {
  const live = state.live;
  if (live === null || !rules.canNextPhase(state)) return notNow('next phase');
  const slot = slotById(state, live.slotId);
  if (slot && live.phaseIndex + 1 < slot.phases.length) {
    return accept({ type: 'phase.advanced', slotId: live.slotId, phaseIndex: live.phaseIndex + 1 });
  }
  return accept({ type: 'slot.entered', slotId: nextWaiting(state, live.slotId)?.id ?? null });
}

function decideMark(state: MeetingState, slotId: Id, status: 'waiting' | 'skipped' | 'absent'): Decision {
  if (!slotById(state, slotId)) return missing(slotId);
  const allowed = status === 'waiting' ? rules.canRestore(state, slotId) : rules.canMark(state, slotId);
  if (!allowed) return notNow(status === 'waiting' ? 'restoring this slot' : `marking this slot ${status}`);
  if (state.live?.slotId !== slotId) return accept({ type: 'slot.marked', slotId, status });
  return accept({ type: 'slot.marked', slotId, status, enter: nextWaiting(state, slotId)?.id ?? null });
}

function decideEdit(state: MeetingState, cmd: Extract<Command, { type: 'slot.edit' }>): Decision {
  if (!slotById(state, cmd.slotId)) return missing(cmd.slotId);
  const live = state.live;
  if (cmd.fields.phases && live?.slotId === cmd.slotId && cmd.fields.phases.length <= live.phaseIndex) {
    return refuse('invalid', 'the phase now running cannot be removed');
  }
  return accept({ type: 'slot.edited', slotId: cmd.slotId, fields: cmd.fields });
}

function decideMove(state: MeetingState, slotId: Id, sittingId: Id, index: number): Decision {
  if (!slotById(state, slotId)) return missing(slotId);
  if (!state.sittings.some((s) => s.id === sittingId)) return missing(sittingId, 'sitting');
  const others = agenda(state).filter((s) => s.sittingId === sittingId && s.id !== slotId).length;
  return accept({ type: 'slot.moved', slotId, sittingId, index: Math.min(index, others) });
}
