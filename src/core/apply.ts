import * as agendaOps from './apply.agenda';
import { applyScoring, submitBallots } from './apply.scoring';
import type { BallotSubmitted } from './apply.scoring';
import * as timer from './apply.timer';
import type { MeetingEvent } from './events';
import { UNDOABLE } from './events';
import { initialState, UNDO_DEPTH } from './state';
import type { MeetingState, Undoable } from './state';
import type { SpeakerMessage } from './speaker-message';
import { mono } from './time';
import { copyOf, own, put } from './dict';

const undoablePart = (s: MeetingState): Undoable => ({
  title: s.title,
  sittings: s.sittings,
  slots: s.slots,
  status: s.status,
  records: s.records,
  live: s.live,
  windows: s.windows,
  openedAt: s.openedAt,
  reveal: s.reveal,
  message: s.message,
  blackout: s.blackout,
});

/**
 * The fold: state is what the events say, nothing else. Every host action worth undoing (the
 * host's own, or a control surface's with the integration key) keeps the
 * state from before it, so undo restores exactly that (anchors included: a running speaker's
 * clock kept running through a mistaken "next").
 */
export function apply(state: MeetingState | null, e: MeetingEvent): MeetingState {
  if (e.type === 'meeting.created') return { ...initialState(e.setup), seq: e.seq };
  if (state === null) throw new Error(`event ${e.seq} (${e.type}) comes before the meeting was created`);
  const remembered =
    UNDOABLE.has(e.type) && (e.by.role === 'host' || e.by.role === 'integration')
      ? [...state.history, { seq: e.seq, action: e.type, before: undoablePart(state) }].slice(-UNDO_DEPTH)
      : state.history;
  // Every branch below builds on the state it is given, so the new seq set here carries through.
  return applyBody({ ...state, history: remembered, seq: e.seq }, e);
}

const clearReveal = (s: MeetingState): MeetingState => (s.reveal === null ? s : { ...s, reveal: null });

function applyBody(s: MeetingState, e: MeetingEvent): MeetingState {
  switch (e.type) {
    case 'meeting.created':
      return s;
    case 'meeting.renamed':
      return { ...s, title: e.title };
    // The clock always wins: starting or resuming a phase, or calling a speaker, takes revealed
    // results off the hall's screens (undo brings them back with the rest of the state).
    case 'timer.started':
      return timer.startPhase(clearReveal(s), e.slotId, e.phaseIndex, e.at, e.wall);
    case 'timer.paused':
      return timer.pause(s, e.at);
    case 'timer.resumed':
      return timer.resume(clearReveal(s), e.at);
    case 'timer.adjusted':
      return timer.adjust(s, e.deltaMs, e.at);
    case 'timer.letFinish':
      return timer.letFinish(s, e.at);
    case 'boundary.reached':
      return s.live?.slotId === e.slotId && s.live.phaseIndex === e.phaseIndex ? timer.reachBoundary(s, e.boundary, e.at) : s;
    case 'phase.advanced':
      return timer.startPhase(clearReveal(s), e.slotId, e.phaseIndex, e.at, e.wall);
    case 'slot.entered': {
      const left = timer.leaveLive(clearReveal(s), e.at, e.wall);
      return { ...left, live: e.slotId === null ? null : timer.readyLive(e.slotId) };
    }
    case 'slot.marked': {
      const marked = { ...s, status: { ...s.status, [e.slotId]: e.status } };
      if (e.enter === undefined) return marked;
      return { ...marked, live: e.enter === null ? null : timer.readyLive(e.enter) };
    }
    case 'slot.added':
      return agendaOps.addSlot(s, e.slot, e.index);
    case 'slot.edited':
      return agendaOps.editSlot(s, e.slotId, e.fields);
    case 'slot.removed':
      return agendaOps.removeSlot(s, e.slotId);
    case 'sitting.edited':
      return agendaOps.editSitting(s, e.sittingId, e.fields);
    case 'slot.moved':
      return agendaOps.moveSlot(s, e.slotId, e.sittingId, e.index);
    case 'agenda.replaced':
      return { ...s, sittings: e.sittings, slots: e.slots, status: Object.fromEntries(e.slots.map((x) => [x.id, 'waiting' as const])), windows: {}, openedAt: {}, reveal: null };
    case 'audio.set': {
      const { volume = s.audio.volume, muted = s.audio.muted, outputs = s.audio.outputs } = e;
      return { ...s, audio: { volume, muted, outputs } };
    }
    case 'outputs.configured':
      return { ...s, outputs: e.outputs };
    case 'undo.applied': {
      const last = s.history.at(-1);
      if (!last || last.seq !== e.undoneSeq) return s;
      return { ...s, ...last.before, ...keptLocks(s, last.before), history: s.history.slice(0, -1) };
    }
    case 'scoring.configured':
    case 'scoring.amended':
    case 'scoring.opened':
    case 'scoring.locked':
    case 'scoring.reopened':
    case 'ballot.submitted':
    case 'paper.entered':
    case 'paper.discarded':
    case 'ballot.voided':
    case 'results.revealed':
    case 'results.hidden':
      return applyScoring(s, e);
    case 'message.shown': {
      const { text, target, flash, durationMs } = e;
      return { ...s, message: { text, target, flash, durationMs, shownAt: e.at } };
    }
    case 'message.hidden':
      return { ...s, message: null };
    case 'message.presetsSet':
      return { ...s, messagePresets: e.presets };
    case 'screen.blackedOut':
      return { ...s, blackout: e.on };
    case 'card.claimed': {
      const claims = copyOf(s.claims);
      put(claims, e.reviewerId, { device: e.device, wall: e.wall });
      return { ...s, claims };
    }
    case 'card.released':
      return { ...s, claims: Object.fromEntries(Object.entries(s.claims).filter(([reviewerId]) => reviewerId !== e.reviewerId)) };
    case 'clock.rebased':
      return {
        ...s,
        live: timer.shiftLive(s.live, e.shiftMs),
        message: shiftMessage(s.message, e.shiftMs),
        history: s.history.map((h) => ({
          ...h,
          before: { ...h.before, live: timer.shiftLive(h.before.live, e.shiftMs), message: shiftMessage(h.before.message, e.shiftMs) },
        })),
      };
    default:
      return e satisfies never;
  }
}

/** A timed message's anchor moves with the clock, like the speaker's, so it still ends on time. */
const shiftMessage = (m: SpeakerMessage | null, shiftMs: number): SpeakerMessage | null =>
  m === null ? null : { ...m, shownAt: mono(m.shownAt + shiftMs) };

/**
 * A lock is final: undoing a host action from before it (a "next speaker" that opened the slot)
 * takes back the action, never the lock. Only a reopening with a reason unlocks a slot.
 */
function keptLocks(now: MeetingState, before: Undoable): Pick<Undoable, 'windows' | 'openedAt'> {
  const locked = Object.keys(now.windows).filter((id) => own(now.windows, id) === 'locked');
  const lockedAt = locked.flatMap((id) => {
    const at = own(now.openedAt, id);
    return at === undefined ? [] : [[id, at] as const];
  });
  return { windows: { ...before.windows, ...Object.fromEntries(locked.map((id) => [id, 'locked' as const])) }, openedAt: { ...before.openedAt, ...Object.fromEntries(lockedAt) } };
}

/**
 * Rebuilds a meeting from its log (or from a snapshot and the log after it): the same events
 * always give the same state, the state `events.reduce(apply)` gives. A run of ballots for one
 * slot, as every reviewer scoring leaves in the log, is applied with one copy of the slot's
 * ballots instead of one per ballot: a long day's log holds thousands of such runs.
 */
export function replay(events: readonly MeetingEvent[], from: MeetingState | null = null): MeetingState | null {
  let s = from;
  for (let i = 0; i < events.length; ) {
    const e = events[i]!;
    if (s === null || e.type !== 'ballot.submitted') {
      s = apply(s, e);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < events.length && sameSlotBallot(events[end]!, e.slotId)) end++;
    s = submitBallots(s, events.slice(i, end) as BallotSubmitted[]);
    i = end;
  }
  return s;
}

const sameSlotBallot = (e: MeetingEvent, slotId: string): boolean => e.type === 'ballot.submitted' && e.slotId === slotId;
