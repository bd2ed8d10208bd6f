import * as agendaOps from './apply.agenda';
import { applyScoring } from './apply.scoring';
import * as timer from './apply.timer';
import type { MeetingEvent } from './events';
import { UNDOABLE } from './events';
import { initialState, UNDO_DEPTH } from './state';
import type { MeetingState, Undoable } from './state';

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
});

/**
 * The fold: state is what the events say, nothing else. Every host action worth undoing keeps the
 * state from before it, so undo restores exactly that (anchors included: a running speaker's
 * clock kept running through a mistaken "next").
 */
export function apply(state: MeetingState | null, e: MeetingEvent): MeetingState {
  if (e.type === 'meeting.created') return { ...initialState(e.setup), seq: e.seq };
  if (state === null) throw new Error(`event ${e.seq} (${e.type}) comes before the meeting was created`);
  const remembered =
    UNDOABLE.has(e.type) && e.by.role === 'host'
      ? [...state.history, { seq: e.seq, action: e.type, before: undoablePart(state) }].slice(-UNDO_DEPTH)
      : state.history;
  return { ...applyBody({ ...state, history: remembered }, e), seq: e.seq };
}

function applyBody(s: MeetingState, e: MeetingEvent): MeetingState {
  switch (e.type) {
    case 'meeting.created':
      return s;
    case 'meeting.renamed':
      return { ...s, title: e.title };
    case 'timer.started':
      return timer.startPhase(s, e.slotId, e.phaseIndex, e.at, e.wall);
    case 'timer.paused':
      return timer.pause(s, e.at);
    case 'timer.resumed':
      return timer.resume(s, e.at);
    case 'timer.adjusted':
      return timer.adjust(s, e.deltaMs, e.at);
    case 'timer.letFinish':
      return timer.letFinish(s, e.at);
    case 'boundary.reached':
      return s.live?.slotId === e.slotId && s.live.phaseIndex === e.phaseIndex ? timer.reachBoundary(s, e.boundary, e.at) : s;
    case 'phase.advanced':
      return timer.startPhase(s, e.slotId, e.phaseIndex, e.at, e.wall);
    case 'slot.entered': {
      const left = timer.leaveLive(s, e.at, e.wall);
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
    case 'slot.moved':
      return agendaOps.moveSlot(s, e.slotId, e.sittingId, e.index);
    case 'agenda.replaced':
      return { ...s, sittings: e.sittings, slots: e.slots, status: Object.fromEntries(e.slots.map((x) => [x.id, 'waiting' as const])), windows: {}, openedAt: {}, reveal: null };
    case 'audio.set': {
      const { volume = s.audio.volume, muted = s.audio.muted, outputs = s.audio.outputs } = e;
      return { ...s, audio: { volume, muted, outputs } };
    }
    case 'undo.applied': {
      const last = s.history.at(-1);
      if (!last || last.seq !== e.undoneSeq) return s;
      return { ...s, ...last.before, history: s.history.slice(0, -1) };
    }
    case 'scoring.configured':
    case 'scoring.opened':
    case 'scoring.locked':
    case 'ballot.submitted':
    case 'paper.entered':
    case 'paper.discarded':
    case 'ballot.voided':
    case 'results.revealed':
    case 'results.hidden':
      return applyScoring(s, e);
    case 'clock.rebased':
      return {
        ...s,
        live: timer.shiftLive(s.live, e.shiftMs),
        history: s.history.map((h) => ({ ...h, before: { ...h.before, live: timer.shiftLive(h.before.live, e.shiftMs) } })),
      };
    default:
      return e satisfies never;
  }
}

/** Rebuilds a meeting from its log: the same events always give the same state. */
export const replay = (events: readonly MeetingEvent[]): MeetingState | null => events.reduce<MeetingState | null>(apply, null);
